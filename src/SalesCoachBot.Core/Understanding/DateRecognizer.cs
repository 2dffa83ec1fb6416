using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Finds dates in plain language with Microsoft.Recognizers.Text, relative to the rep's own "now":
/// "yesterday", "next Tuesday 3pm", "by Friday", "end of month", "end of quarter"; and what reps write
/// that the recognizer reads differently or not at all: quarters ("by Q2", "end of q"), "last Tuesday"
/// (the most recent one), and shorthand ("yday", "tmrw", "eod", "eow", "nxt wk", "in 2 wks").
/// </summary>
public sealed partial class DateRecognizer
{
    private readonly DateTimeModel model = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    public IReadOnlyList<DateMention> FindAll(string text, DateTime localNow, DateLean lean)
    {
        var today = DateOnly.FromDateTime(localNow);
        var mentions = Shorthand(text, today, lean).ToList();
        foreach (var result in model.Parse(text, localNow))
        {
            if (mentions.Any(m => m.Start <= result.End && result.Start <= m.End) ||
                result.Resolution?["values"] is not List<Dictionary<string, string>> values || values.Count == 0)
                continue;
            if (Resolve(values, lean) is { } local)
                mentions.Add(new DateMention(result.Start, result.End, result.Text, Adjust(result.Text, local.Value, today, lean), local.HasTime));
        }
        foreach (Match end in EndOfPeriod().Matches(text))
            if (!mentions.Any(m => m.Start <= end.Index && end.Index <= m.End))
                mentions.Add(Mention(end, EndOf(end.Groups["period"].Value, localNow)));
        return [.. mentions.OrderBy(m => m.Start)];
    }

    public DateMention? Find(string text, DateTime localNow, DateLean lean) => FindAll(text, localNow, lean).FirstOrDefault();

    private static IEnumerable<DateMention> Shorthand(string text, DateOnly today, DateLean lean)
    {
        foreach (Match quarter in Quarter().Matches(text))
            yield return Mention(quarter, QuarterEnd(quarter, today, lean).ToDateTime(TimeOnly.MinValue));
        foreach (Match word in ShortWords().Matches(text))
        {
            var day = word.Groups switch
            {
                var g when g["yesterday"].Success => today.AddDays(-1),
                var g when g["tomorrow"].Success => today.AddDays(1),
                var g when g["friday"].Success => today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7),
                var g when g["monday"].Success => today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7),
                var g when g["weeks"].Success => today.AddDays(7 * int.Parse(g["weeks"].Value, CultureInfo.InvariantCulture)),
                _ => today,
            };
            yield return Mention(word, day.ToDateTime(TimeOnly.MinValue));
        }
    }

    // A quarter means its last day: this year's, or next year's once it is over (last year's for what already happened).
    private static DateOnly QuarterEnd(Match match, DateOnly today, DateLean lean)
    {
        var quarter = match.Groups["q"].Success ? int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture) : (today.Month - 1) / 3 + 1;
        DateOnly End(int year) => new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        if (match.Groups["year"].Success)
            return End(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
        if (lean == DateLean.Past)
            return new DateOnly(today.Year, quarter * 3 - 2, 1) > today ? End(today.Year - 1) : End(today.Year);
        return End(today.Year) < today ? End(today.Year + 1) : End(today.Year);
    }

    // The recognizer's "last Tuesday" is the previous week's; a rep means the most recent one.
    // As a close date, "next month" means by the end of it, not its first day.
    private static DateTime Adjust(string text, DateTime local, DateOnly today, DateLean lean)
    {
        if (LastWeekday().Match(text) is { Success: true } last)
        {
            var weekday = (int)Enum.Parse<DayOfWeek>(Weekdays.First(d => d.StartsWith(last.Groups["day"].Value, StringComparison.OrdinalIgnoreCase)));
            var back = ((int)today.DayOfWeek - weekday + 7) % 7;
            return today.AddDays(back == 0 ? -7 : -back).ToDateTime(TimeOnly.FromDateTime(local));
        }
        return lean == DateLean.Future && NextMonth().IsMatch(text) ? new DateTime(local.Year, local.Month, 1).AddMonths(1).AddDays(-1) : local;
    }

    private static readonly string[] Weekdays = Enum.GetNames<DayOfWeek>();

    private static DateMention Mention(Match match, DateTime local) => new(match.Index, match.Index + match.Length - 1, match.Value, local, false);

    private static (DateTime Value, bool HasTime)? Resolve(List<Dictionary<string, string>> values, DateLean lean)
    {
        var resolved = values.Select(Read).OfType<(DateTime Value, bool HasTime)>().ToList();
        if (resolved.Count == 0)
            return null;
        // Two readings mean an unanchored date (e.g. "Friday"): last one is the future reading.
        return lean == DateLean.Future ? resolved[^1] : resolved[0];
    }

    private static (DateTime Value, bool HasTime)? Read(Dictionary<string, string> value)
    {
        var type = value.GetValueOrDefault("type");
        var mod = value.GetValueOrDefault("Mod");
        return type switch
        {
            "date" => Parse(value.GetValueOrDefault("value"), false),
            "datetime" => Parse(value.GetValueOrDefault("value"), true),
            "datetimerange" => Parse(value.GetValueOrDefault("start"), true),
            "daterange" when mod == "end" => Parse(value.GetValueOrDefault("end"), false) is { } end ? (end.Item1.AddDays(-1), false) : null,
            "daterange" when mod == "before" => Parse(value.GetValueOrDefault("end"), false),
            "daterange" => Parse(value.GetValueOrDefault("start"), false),
            _ => null,
        };
    }

    private static (DateTime, bool)? Parse(string? text, bool hasTime) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? (value, hasTime) : null;

    private static DateTime EndOf(string period, DateTime now) => period.ToLowerInvariant() switch
    {
        "quarter" => new DateTime(now.Year, (now.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1),
        "year" => new DateTime(now.Year, 12, 31),
        _ => new DateTime(now.Year, now.Month, 1).AddMonths(1).AddDays(-1),
    };

    [GeneratedRegex(@"\b(by )?(the )?end of (the |this )?(?<period>quarter|year|month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfPeriod();

    [GeneratedRegex(@"\b((by|before|until|till)\s+)?(((the\s+)?end\s+of\s+(the\s+)?)?q(?<q>[1-4])(\s+(?<year>20\d\d))?|(the\s+)?end\s+of\s+(the\s+|this\s+)?q|eoq)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b((by|before|until|till)\s+)?((?<yesterday>yday)|(?<tomorrow>tmrw|tmr)|(?<today>eod|cob)|(?<friday>(the\s+)?end\s+of\s+(the\s+|this\s+)?week|eow)|(?<monday>nxt\s+(wk|week)|next\s+wk)|in\s+(?<weeks>\d{1,2})\s+wks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortWords();

    [GeneratedRegex(@"^last\s+(?<day>mon|tue|wed|thu|fri|sat|sun)", RegexOptions.IgnoreCase)]
    private static partial Regex LastWeekday();

    [GeneratedRegex(@"^((by|in)\s+)?next\s+month$", RegexOptions.IgnoreCase)]
    private static partial Regex NextMonth();
}
