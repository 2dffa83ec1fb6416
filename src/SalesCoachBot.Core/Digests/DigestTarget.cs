using System.Text.RegularExpressions;

namespace SalesCoachBot.Digests;

/// <summary>
/// Which digest a "stop the digest" message names, when it names one: its manager ("stop carol@example.com's digest"),
/// its day ("stop the Monday digest"), all of them ("stop all my digests"), or a channel by name ("… in #sales").
/// </summary>
public sealed partial record DigestTarget(string? OwnerEmail, DayOfWeek? Day, bool All, string? ChannelName)
{
    public static DigestTarget Read(string text) => new(
        EmailPattern().Match(text) is { Success: true } email ? Reps.EmailAddress.Normalize(email.Value) : null,
        WeekdayPattern().Match(text) is { Success: true } day ? Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(day.Groups["day"].Value[..3], StringComparison.OrdinalIgnoreCase)) : null,
        AllPattern().IsMatch(text),
        ChannelPattern().Match(text) is { Success: true } channel ? channel.Groups["name"].Value : null);

    [GeneratedRegex(@"[^\s@<>'""]+@[^\s@<>'""]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(rs?)?|fri|sat|sun)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(all|both)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllPattern();

    [GeneratedRegex(@"(^|\s)#(?<name>[\w.-]+)")]
    private static partial Regex ChannelPattern();
}
