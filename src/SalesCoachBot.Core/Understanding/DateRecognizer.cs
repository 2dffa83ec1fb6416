using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Finds dates in plain language with Microsoft.Recognizers.Text, relative to the rep's own "now":
/// "yesterday", "next Tuesday 3pm", "by Friday", "end of month", "end of quarter"; and what reps write
/// that the recognizer reads differently or not at all: quarters ("by Q2", "end of q"), "last Tuesday"
/// (the most recent one), and shorthand ("yday", "tmrw", "eod", "eow", "nxt wk", "in 2 wks"); and dates written in
/// Indonesian, which it does not read at all (<see cref="IndonesianDates"/>).
/// </summary>
public sealed partial class DateRecognizer
{
    public const int MaxYearsAway = 10;

    private readonly DateTimeModel model = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    /// <summary>
    /// Why a date the text names cannot be taken as written: it does not exist ("31 Feb", "30/02", "Feb 30"),
    /// or it is more than <see cref="MaxYearsAway"/> years from now; null when every date is plausible.
    /// </summary>
    public string? Doubt(string text, DateTime localNow)
    {
        if (Impossible(text).FirstOrDefault() is { } impossible)
            return $"There's no {impossible.Value.Trim()}. Which date did you mean?";
        var written = DayMonth().Matches(text).Concat(NumericDate().Matches(text)).Where(m => m.Groups["year"].Success)
            .Select(m => (Text: m.Value.Trim(), Years: Math.Abs(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) - localNow.Year)));
        // Reading every date in the text is the costly part: only a year or a span of years can be that far away.
        var read = !MayBeFarAway().IsMatch(text) ? [] : FindAll(Understanding.Shorthand.Expand(text), localNow, DateLean.Future).Where(m => !m.Text.All(char.IsDigit))
            .Select(m => (Text: m.Text, Years: Math.Abs(m.Local.Year - localNow.Year)));
        return written.Concat(read).FirstOrDefault(d => d.Years > MaxYearsAway) is { Text: not null } far
            ? $"\"{far.Text}\" is {far.Years} years away. Which date did you mean?"
            : null;
    }

    public IReadOnlyList<DateMention> FindAll(string text, DateTime localNow, DateLean lean)
    {
        var today = DateOnly.FromDateTime(localNow);
        var mentions = IndonesianDates.Find(text, today, lean).ToList();
        mentions.AddRange(Shorthand(text, today, lean).Where(s => !mentions.Any(m => m.Start <= s.End && s.Start <= m.End)).ToList());
        var impossible = Impossible(text).ToList();
        foreach (var result in model.Parse(text, localNow))
        {
            if (mentions.Any(m => m.Start <= result.End && result.Start <= m.End) ||
                impossible.Any(m => m.Index <= result.End && result.Start < m.Index + m.Length) ||
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

    private static IEnumerable<Match> Impossible(string text) =>
        DayMonth().Matches(text).Concat(NumericDate().Matches(text)).Where(m => !Exists(m)).OrderBy(m => m.Index);

    private static bool Exists(Match date)
    {
        int Number(string group) => int.Parse(date.Groups[group].Value, CultureInfo.InvariantCulture);
        var year = date.Groups["year"].Success ? Number("year") : 2028;
        bool Valid(int month, int day) => month is >= 1 and <= 12 && day >= 1 && year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month);
        if (date.Groups["monthname"].Success)
            return Number("day") > 31 || Valid(Array.FindIndex(MonthPrefixes, p => date.Groups["monthname"].Value.StartsWith(p, StringComparison.OrdinalIgnoreCase)) + 1, Number("day"));
        if (date.Groups["first"].Success)
            return Valid(Number("second"), Number("first")) || Valid(Number("first"), Number("second"))
                   || Number("first") > 31 || Number("second") > 31;
        return Valid(Number("month"), Number("day"));
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

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
    // As a close date, "next month" means by the end of it, not its first day; a month named without a day or a year
    // ("by june", "december") means the end of its next occurrence, this month's when said in it.
    private static DateTime Adjust(string text, DateTime local, DateOnly today, DateLean lean)
    {
        if (lean == DateLean.Future && MonthAlone().Match(text) is { Success: true } month)
        {
            var number = Array.FindIndex(MonthPrefixes, p => month.Groups["monthname"].Value.StartsWith(p, StringComparison.OrdinalIgnoreCase)) + 1;
            var first = new DateTime(number >= today.Month ? today.Year : today.Year + 1, number, 1);
            return first.AddMonths(1).AddDays(-1);
        }
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

    private const string MonthName = @"(?<monthname>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?";

    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?" + MonthName + @"(,?\s+(?<year>\d{4})\b)?|\b" + MonthName + @"\s+(?<day>\d{1,2})(st|nd|rd|th)?\b(,?\s+(?<year>\d{4})\b)?", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\d/.-])((?<first>\d{1,2})/(?<second>\d{1,2})(/(?<year>\d{4}))?|(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2}))(?![\d/.-])", RegexOptions.ExplicitCapture)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(by )?(the )?end of (the |this )?(?<period>quarter|year|month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfPeriod();

    [GeneratedRegex(@"\b((by|before|until|till)\s+)?(((the\s+)?end\s+of\s+(the\s+)?)?q(?<q>[1-4])(\s+(?<year>20\d\d))?|(the\s+)?end\s+of\s+(the\s+|this\s+)?q|eoq)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b((by|before|until|till)\s+)?((?<yesterday>yday)|(?<tomorrow>tmrw|tmr)|(?<today>eod|cob)|(?<friday>(the\s+)?end\s+of\s+(the\s+|this\s+)?week|eow)|(?<monday>nxt\s+(wk|week)|next\s+wk)|in\s+(?<weeks>\d{1,2})\s+wks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortWords();

    [GeneratedRegex(@"^last\s+(?<day>mon|tue|wed|thu|fri|sat|sun)", RegexOptions.IgnoreCase)]
    private static partial Regex LastWeekday();

    [GeneratedRegex(@"^((by|in|for|before|until|till|around)\s+)?((the\s+)?end\s+of\s+)?" + MonthName + "$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthAlone();

    [GeneratedRegex(@"^((by|in)\s+)?next\s+month$", RegexOptions.IgnoreCase)]
    private static partial Regex NextMonth();

    [GeneratedRegex(@"\d{4}|\b(years?|yrs?|decades?|centur(y|ies))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MayBeFarAway();
}
