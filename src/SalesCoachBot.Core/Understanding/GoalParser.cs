using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Goals;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Reads a goal: "my goal this month: close 3 deals", "goal: 20 calls a week", "$50k this quarter"; in Indonesian
/// "target bulan ini 500jt", "sasaran kuartal ini 2 M", "target 40 telpon seminggu".
/// </summary>
public sealed partial class GoalParser(AmountRecognizer amounts)
{
    public SetGoalIntent? Parse(string message, Language language = Language.English)
    {
        var mentionsGoal = GoalWord().IsMatch(message);
        var period = PeriodOf(message);
        if (!mentionsGoal && period is null)
            return null;

        var body = GoalWord().Replace(PeriodPhrase().Replace(message, " "), " ");
        if (Count().Match(body) is { Success: true } count)
            return new SetGoalIntent(MetricOf(count.Groups["what"].Value), decimal.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), period ?? GoalPeriod.Month, null);
        if (amounts.Find(body, language) is { } money && (mentionsGoal || Revenue().IsMatch(message) || body.Trim().Length <= money.End - money.Start + 12))
            return new SetGoalIntent(GoalMetric.Revenue, money.Value.Amount, period ?? GoalPeriod.Month, money.Value.Currency);
        // The thing counted may be named apart from the number: "my email target: 20 a week".
        if (mentionsGoal && Counted().Match(message) is { Success: true } what && Number().Match(body) is { Success: true } number)
            return new SetGoalIntent(MetricOf(what.Groups["what"].Value), decimal.Parse(number.Value, CultureInfo.InvariantCulture), period ?? GoalPeriod.Month, null);
        return null;
    }

    private static GoalPeriod? PeriodOf(string message)
    {
        var match = PeriodPhrase().Match(message);
        if (!match.Success)
            return null;
        var word = match.Groups["p"].Success ? match.Groups["p"].Value : match.Groups["ly"].Value;
        return word.ToLowerInvariant() switch
        {
            "week" or "weekly" or "minggu" or "pekan" or "seminggu" or "sepekan" or "mingguan" => GoalPeriod.Week,
            "quarter" or "quarterly" or "kuartal" or "kuartalan" => GoalPeriod.Quarter,
            _ => GoalPeriod.Month,
        };
    }

    private static GoalMetric MetricOf(string what) => what.ToLowerInvariant().Replace("-", "").TrimEnd('s') switch
    {
        "call" or "telpon" or "telepon" or "panggilan" => GoalMetric.Calls,
        "email" => GoalMetric.Emails,
        "meeting" or "rapat" or "pertemuan" => GoalMetric.Meetings,
        "demo" => GoalMetric.Demos,
        _ => GoalMetric.DealsWon,
    };

    [GeneratedRegex(@"\b(my|new|set|a)?\s*(goals?|targets?|quota|target(ku|nya|in)|sasaran(ku|nya)?)\b\s*(is|for|:)?\s*(to\s+)?:?", RegexOptions.IgnoreCase)]
    private static partial Regex GoalWord();

    [GeneratedRegex(@"\b((this|a|per|each|every|the|in a|in the)\s+(?<p>week|month|quarter)|(?<ly>weekly|monthly|quarterly)" +
        @"|(?<p>minggu|pekan|bulan|kuartal)\s+(ini|depan)|(per|tiap|setiap)\s+(?<p>minggu|pekan|bulan|kuartal)|(?<ly>seminggu|sepekan|sebulan|mingguan|bulanan|kuartalan))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPhrase();

    [GeneratedRegex(@"\b(?<n>\d{1,5})\s+(new\s+|closed\s+|won\s+)?(?<what>deals?|calls?|e-?mails?|meetings?|demos?|telpon|telepon|panggilan|rapat|pertemuan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"\b(?<what>deals?|calls?|e-?mails?|meetings?|demos?|telpon|telepon|panggilan|rapat|pertemuan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Counted();

    [GeneratedRegex(@"(?<![\w.,])\d{1,5}(?![\d.,]|\s*(?:k|m|%)(?!\w))", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(revenue|bookings|sales|close|closed|won|sell|pendapatan|penjualan|omzet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Revenue();
}
