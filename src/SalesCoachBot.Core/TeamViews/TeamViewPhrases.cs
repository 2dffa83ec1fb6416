using System.Text.RegularExpressions;
using SalesCoachBot.Goals;

namespace SalesCoachBot.TeamViews;

/// <summary>Reads the details of the managers' questions: which period, which rep.</summary>
public static partial class TeamViewPhrases
{
    public static LossReasonsIntent ReadLossReasons(string message) =>
        Period().Match(message) is { Success: true } period
            ? new(period.Groups["unit"].Value.ToLowerInvariant() switch { "week" => GoalPeriod.Week, "month" => GoalPeriod.Month, _ => GoalPeriod.Quarter },
                period.Groups["last"].Success)
            : new(GoalPeriod.Quarter, false);

    public static RepProgressIntent ReadRepProgress(string message)
    {
        if (Email().Match(message) is { Success: true } email)
            return new(email.Value);
        return Who().Match(message) is { Success: true } who ? new(who.Groups["who"].Value.Trim()) : new(null);
    }

    [GeneratedRegex(@"\b(?:(?<last>last|previous|past)|this|current)\s+(?<unit>week|month|quarter|q)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    // "how is bob doing", "how's Ana Lima getting on", "numbers for bob", "bob's numbers", "check in on bob"
    [GeneratedRegex(@"(?:how(?:'s|\s+is|\s+are)\s+(?<who>[\p{L}][\p{L}.' -]*?)\s+(?:doing|getting on|performing|tracking|going)\b|(?:numbers|stats|metrics|performance)\s+(?:for|of)\s+(?<who>[\p{L}][\p{L}.' -]*?)\s*\??$|^(?<who>[\p{L}][\p{L}.-]*?)'s\s+(?:numbers|stats|metrics|performance))", RegexOptions.IgnoreCase)]
    private static partial Regex Who();
}
