using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Dates as Indonesian reps write them, which Microsoft.Recognizers.Text does not read: "kemarin", "hari ini", "besok",
/// "lusa", "minggu depan", "bulan depan", "akhir bulan", "akhir minggu", "akhir tahun", "akhir kuartal", "3 hari lagi",
/// "2 minggu lagi", weekdays ("Senin", "Jumat depan", "Rabu lalu"), "tgl 20", and days with month names or their short
/// forms ("14 Des", "20 Agustus 2026", "Okt"). "Akhir Q3" is read as the English "Q3" already is.
/// </summary>
public static partial class IndonesianDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "ag", "sep", "okt", "nov", "des"];

    private static readonly string[] Days = ["minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu"];

    public static IEnumerable<DateMention> Find(string text, DateOnly today, DateLean lean)
    {
        var taken = new List<(int Start, int End)>();
        foreach (var (match, day) in Matches(text, today, lean).OrderBy(m => m.Match.Index))
        {
            var (start, end) = (match.Index, match.Index + match.Length - 1);
            if (day is null || taken.Any(t => t.Start <= end && start <= t.End))
                continue;
            taken.Add((start, end));
            yield return new DateMention(start, end, match.Value, day.Value.ToDateTime(TimeOnly.MinValue), false);
        }
    }

    private static IEnumerable<(Match Match, DateOnly? Day)> Matches(string text, DateOnly today, DateLean lean)
    {
        foreach (Match m in DayMonth().Matches(text))
            yield return (m, DayOfMonth(m, today, lean));
        foreach (Match m in MonthAlone().Matches(text))
            yield return (m, MonthEnd(MonthOf(m.Groups["month"].Value), today, lean));
        foreach (Match m in Relative().Matches(text))
            yield return (m, RelativeDay(m, today));
        foreach (Match m in Weekday().Matches(text))
            yield return (m, WeekdayDate(m, today, lean));
        foreach (Match m in DateOnlyDay().Matches(text))
            yield return (m, DayOfMonth(m, today, lean));
    }

    private static DateOnly? RelativeDay(Match m, DateOnly today)
    {
        var g = m.Groups;
        int Number() => int.Parse(g["n"].Value, CultureInfo.InvariantCulture);
        var nextMonday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        return g switch
        {
            _ when g["yesterday"].Success => today.AddDays(-1),
            _ when g["today"].Success => today,
            _ when g["tomorrow"].Success => today.AddDays(1),
            _ when g["aftertomorrow"].Success => today.AddDays(2),
            _ when g["nextweek"].Success => nextMonday,
            _ when g["lastweek"].Success => today.AddDays(-7),
            _ when g["nextmonth"].Success => new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1),
            _ when g["endweek"].Success => today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7),
            _ when g["endmonth"].Success => new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1),
            _ when g["endquarter"].Success => new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1),
            _ when g["endyear"].Success => new DateOnly(today.Year, 12, 31),
            _ when g["daysahead"].Success => today.AddDays(Number()),
            _ when g["weeksahead"].Success => today.AddDays(7 * Number()),
            _ when g["daysago"].Success => today.AddDays(-Number()),
            _ when g["weeksago"].Success => today.AddDays(-7 * Number()),
            _ => null,
        };
    }

    // "Senin" leans the way the sentence does; "Senin depan" is next week's, "Senin lalu" the most recent one.
    private static DateOnly WeekdayDate(Match m, DateOnly today, DateLean lean)
    {
        var weekday = Array.IndexOf(Days, m.Groups["day"].Value.ToLowerInvariant().Replace("'", "").Replace("jum at", "jumat"));
        var ahead = ((weekday - (int)today.DayOfWeek) + 7) % 7;
        var back = ((int)today.DayOfWeek - weekday + 7) % 7;
        if (m.Groups["next"].Success)
            return today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7).AddDays((weekday + 6) % 7);
        if (m.Groups["last"].Success)
            return today.AddDays(back == 0 ? -7 : -back);
        return lean == DateLean.Future ? today.AddDays(ahead == 0 ? 7 : ahead) : today.AddDays(-back);
    }

    // Without a year, the day's next occurrence ahead or its latest one behind: "tgl 20" in this month or the next (or
    // last) one, "14 Des" in this year or the next (or last).
    private static DateOnly? DayOfMonth(Match m, DateOnly today, DateLean lean)
    {
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
            return Valid(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), MonthOf(m.Groups["month"].Value), day);
        var named = m.Groups["month"].Success;
        var first = new DateOnly(today.Year, named ? MonthOf(m.Groups["month"].Value) : today.Month, 1);
        var step = named ? 12 : 1;
        var date = Valid(first.Year, first.Month, day);
        if (lean == DateLean.Future && (date is null || date < today))
            return Valid(first.AddMonths(step).Year, first.AddMonths(step).Month, day);
        if (lean == DateLean.Past && (date is null || date > today))
            return Valid(first.AddMonths(-step).Year, first.AddMonths(-step).Month, day);
        return date;
    }

    // A month named alone is its last day, as a close date; its next occurrence ahead, or its latest one behind.
    private static DateOnly MonthEnd(int month, DateOnly today, DateLean lean)
    {
        var year = lean == DateLean.Future ? (month >= today.Month ? today.Year : today.Year + 1) : (month <= today.Month ? today.Year : today.Year - 1);
        return new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int MonthOf(string written) =>
        Array.FindIndex(Months, p => written.StartsWith(p, StringComparison.OrdinalIgnoreCase)) + 1;

    private const string Month = @"(?<month>januari|jan|februari|pebruari|feb|maret|mar|april|apr|mei|juni|jun|juli|jul|agustus|agu|agt|ags|september|sept|sep|oktober|okt|november|nov|desember|des)\.?";

    [GeneratedRegex(@"\b((tgl|tanggal)\.?\s*)?(?<day>\d{1,2})\s+" + Month + @"(?!\w)(\s+(?<year>20\d\d)\b)?", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b((akhir|bulan)\s+)" + Month + @"(?!\w)(?!\s+\d)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthAlone();

    [GeneratedRegex(@"\b(tgl|tanggal)\.?\s*(?<day>\d{1,2})\b(?!\s*[/\-.]\d)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DateOnlyDay();

    [GeneratedRegex(@"(?<!\w)(" +
        @"(?<yesterday>kemarin|kemaren|kmrn|kmrin|kmaren)(?!\s+(lusa|dulu))|(?<today>hari\s+ini|hr\s+ini|tadi(\s+(pagi|siang|sore|malam))?)|(?<aftertomorrow>lusa)|(?<tomorrow>besok|bsk|besuk)|" +
        @"(?<nextweek>(minggu|mgg|pekan)\s+depan)|(?<lastweek>(minggu|mgg|pekan)\s+lalu)|(?<nextmonth>bulan\s+depan|bln\s+depan)|" +
        @"(?<endweek>akhir\s+(minggu|pekan)(\s+ini)?)|(?<endmonth>akhir\s+(bulan|bln)(\s+ini)?)|(?<endquarter>akhir\s+kuartal(\s+ini)?)|(?<endyear>akhir\s+tahun(\s+ini)?)|" +
        @"(?<daysahead>(?<n>\d{1,2})\s+hari\s+lagi)|(?<weeksahead>(?<n>\d{1,2})\s+(minggu|mgg)\s+lagi)|(?<daysago>(?<n>\d{1,2})\s+hari\s+(yang\s+|yg\s+)?lalu)|(?<weeksago>(?<n>\d{1,2})\s+(minggu|mgg)\s+(yang\s+|yg\s+)?lalu)" +
        @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Relative();

    // "Minggu" is Sunday only after "hari" ("hari Minggu"); alone it is "week".
    [GeneratedRegex(@"(?<!\w)(hari\s+)?(?<day>senin|selasa|rabu|kamis|jumat|jum'at|sabtu|(?<=hari\s+)minggu)(\s+((?<next>depan)|(?<last>lalu|kemarin|kmrn)))?(?!\w)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Weekday();
}
