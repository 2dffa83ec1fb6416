using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Finds dates in plain language with Microsoft.Recognizers.Text, relative to the rep's own "now":
/// "yesterday", "next Tuesday 3pm", "by Friday", "end of month", "end of quarter".
/// </summary>
public sealed partial class DateRecognizer
{
    private readonly DateTimeModel model = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    public IReadOnlyList<DateMention> FindAll(string text, DateTime localNow, DateLean lean)
    {
        var mentions = new List<DateMention>();
        foreach (var result in model.Parse(text, localNow))
        {
            if (result.Resolution?["values"] is not List<Dictionary<string, string>> values || values.Count == 0)
                continue;
            if (Resolve(values, lean) is { } local)
                mentions.Add(new DateMention(result.Start, result.End, result.Text, local.Value, local.HasTime));
        }
        foreach (Match end in EndOfPeriod().Matches(text))
            if (!mentions.Any(m => m.Start <= end.Index && end.Index <= m.End))
                mentions.Add(new DateMention(end.Index, end.Index + end.Length - 1, end.Value, EndOf(end.Groups["period"].Value, localNow), false));
        return [.. mentions.OrderBy(m => m.Start)];
    }

    public DateMention? Find(string text, DateTime localNow, DateLean lean) => FindAll(text, localNow, lean).FirstOrDefault();

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
}
