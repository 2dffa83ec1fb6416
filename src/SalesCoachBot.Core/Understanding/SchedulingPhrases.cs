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
            return NumbersOf(numbers.Groups["team"].Success, numbers);
        if (Team().Match(message) is { Success: true } team)
            return new TeamIntent(team.Groups["add"].Success ? team.Groups["add"].Value : null, team.Groups["remove"].Success ? team.Groups["remove"].Value : null);
        return null;
    }

    /// <summary>"what's my close rate last month?", "team stats": whose numbers, over which period.</summary>
    public static NumbersIntent ReadNumbers(string message)
    {
        if (Numbers().Match(message) is { Success: true } exact)
            return NumbersOf(exact.Groups["team"].Success, exact);
        return NumbersOf(TeamWord().IsMatch(message), PeriodWord().Match(message));
    }

    // The match's "period" (week, month, else quarter) and whether it was the "last" one.
    private static NumbersIntent NumbersOf(bool team, Match period) => new(team,
        period.Groups["period"].Value.ToLowerInvariant() switch { "week" => Goals.GoalPeriod.Week, "month" => Goals.GoalPeriod.Month, _ => Goals.GoalPeriod.Quarter },
        period.Groups["last"].Success);

    /// <summary>A length of time anywhere in the message: "for 2 weeks", "a few days", "till next week".</summary>
    public static TimeSpan? DurationIn(string message) =>
        CountAnywhere().Match(message) is { Success: true } count ? Duration(count)
        : NextWeek().IsMatch(message) ? TimeSpan.FromDays(7)
        : null;

    /// <summary>"add bob@example.com to my team", "take anna@corp.com off my team", "who's on my team".</summary>
    public static TeamIntent ReadTeam(string message)
    {
        var email = Email().Match(message);
        if (!email.Success)
            return new TeamIntent(null, null);
        return RemoveWord().IsMatch(message) ? new TeamIntent(null, email.Value) : new TeamIntent(email.Value, null);
    }

    /// <summary>"send the weekly digest to this channel on fridays at 9am".</summary>
    public static SubscribeDigestIntent ReadDigest(string message)
    {
        var day = DayAnywhere().Match(message);
        var hour = HourAnywhere().Match(message);
        return new SubscribeDigestIntent(Day(day.Success ? day.Groups["day"].Value : ""), Hour(hour));
    }

    private static TimeSpan? Duration(Match match)
    {
        if (!match.Groups["unit"].Success)
            return null;
        var count = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "an" or "one" or "" => 1,
            "a couple of" or "a couple" or "couple" or "couple of" => 2,
            "a few" or "few" => 3,
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

    private const string Count = @"(?<n>\d{1,3}|an?|one|two|three|(?:a )?couple(?: of)?|(?:a )?few)\s*(?<unit>days?|weeks?)";

    [GeneratedRegex(@"\b" + Count + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountAnywhere();

    [GeneratedRegex(@"\b(next|a) week\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextWeek();

    [GeneratedRegex(@"\b((?<last>last|previous|past)|this|current)\s+(?<period>week|month|quarter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWord();

    [GeneratedRegex(@"\b(team|team's|our|we|everyone|everybody|reps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TeamWord();

    [GeneratedRegex(@"[^\s<>|:]+@[^\s<>|]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(remove|drop|delete|take|kick|off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveWord();

    [GeneratedRegex(@"\b(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayAnywhere();

    [GeneratedRegex(@"\b(?:at|@)\s*(?<hour>\d{1,2})(?::00)?\s*(?<ampm>am|pm)?\b|\b(?<hour>\d{1,2})(?::00)?\s*(?<ampm>am|pm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HourAnywhere();

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
