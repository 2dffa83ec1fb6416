using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>Reads what reps and managers say about nudges, digests and teams.</summary>
public static partial class SchedulingPhrases
{
    public static Intent? Read(string message)
    {
        if (Snooze().Match(message) is { Success: true } snooze)
            return new SnoozeIntent(snooze.Groups["deal"].Value.Trim(), Duration(snooze) ?? TimeSpan.FromDays(3));
        if (Pause().Match(message) is { Success: true } pause)
            return new PauseNudgesIntent(Duration(pause));
        if (Resume().IsMatch(message))
            return new ResumeNudgesIntent();
        if (StageTips().Match(message) is { Success: true } tips)
            return new StageTipsIntent(tips.Groups["deal"].Value.Trim());
        if (StopDigest().IsMatch(message))
            return new StopDigestIntent();
        if (Digest().Match(message) is { Success: true } digest)
            return new SubscribeDigestIntent(Day(digest.Groups["day"].Value), Hour(digest));
        if (Numbers().Match(message) is { Success: true } numbers)
            return new NumbersIntent(numbers.Groups["team"].Success,
                numbers.Groups["period"].Value.ToLowerInvariant() switch { "week" => Goals.GoalPeriod.Week, "month" => Goals.GoalPeriod.Month, _ => Goals.GoalPeriod.Quarter },
                numbers.Groups["last"].Success);
        if (Team().Match(message) is { Success: true } team)
            return new TeamIntent(team.Groups["add"].Success ? team.Groups["add"].Value : null, team.Groups["remove"].Success ? team.Groups["remove"].Value : null);
        return null;
    }

    private static TimeSpan? Duration(Match match)
    {
        if (!match.Groups["unit"].Success)
            return null;
        var count = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "an" or "one" or "" => 1,
            "two" => 2,
            "three" => 3,
            var n => int.Parse(n, CultureInfo.InvariantCulture),
        };
        return match.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromDays(7 * count) : TimeSpan.FromDays(count);
    }

    private static DayOfWeek Day(string day) =>
        Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString().StartsWith(day.Length >= 3 ? day : "Monday", StringComparison.OrdinalIgnoreCase), DayOfWeek.Monday);

    private static int Hour(Match match)
    {
        if (!match.Groups["hour"].Success)
            return 8;
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) % 12;
        return match.Groups["ampm"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) ? hour + 12
            : match.Groups["ampm"].Success || hour >= 6 ? hour : hour + 12;
    }

    private const string Count = @"(?<n>\d{1,3}|an?|one|two|three)\s*(?<unit>days?|weeks?)";

    [GeneratedRegex(@"^snooze\s+(?<deal>.+?)(\s+(for\s+)?" + Count + @")?$", RegexOptions.IgnoreCase)]
    private static partial Regex Snooze();

    [GeneratedRegex(@"^(pause|mute|stop|silence)\s+(my\s+|the\s+|all\s+)?(nudges|reminders|notifications)(\s+for\s+" + Count + @")?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pause();

    [GeneratedRegex(@"^(resume|unpause|unmute|restart|turn on)\s+(my\s+|the\s+)?(nudges|reminders|notifications)$", RegexOptions.IgnoreCase)]
    private static partial Regex Resume();

    [GeneratedRegex(@"^stage tips?\s+(for|on)\s+(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StageTips();

    [GeneratedRegex(@"^(post|send|share)\s+(the\s+|a\s+|our\s+)?(stalled[- ]deals?\s+)?digest(\s+here)?(\s+(every|on)\s+(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*)?(\s+at\s+(?<hour>\d{1,2})(:00)?\s*(?<ampm>am|pm)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Digest();

    [GeneratedRegex(@"^(stop|cancel|end|turn off)\s+(the\s+)?(stalled[- ]deals?\s+)?digest$", RegexOptions.IgnoreCase)]
    private static partial Regex StopDigest();

    [GeneratedRegex(@"^((show\s+)?(my|our|(?<team>team|the team'?s?|our team'?s?))\s+(numbers|metrics|stats)(\s+(for\s+)?((?<last>last)|this)\s+(?<period>week|month|quarter))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"^(add\s+(?<add>\S+@\S+)\s+to\s+my\s+team|remove\s+(?<remove>\S+@\S+)\s+from\s+my\s+team|(show\s+)?my\s+team)$", RegexOptions.IgnoreCase)]
    private static partial Regex Team();
}
