using System.Globalization;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Forecast;

/// <summary>The forecast in words: a line per month and currency, the deals it does not count named apart.</summary>
public static class ForecastText
{
    public static Reply Card(ForecastReport r)
    {
        var dated = r.Months.Sum(m => m.Deals);
        var facts = new List<Fact>();
        foreach (var month in r.Months)
        {
            var name = MonthName(month.Month);
            var currencies = month.Pipeline.Keys.ToList();
            if (currencies.Count == 0)
                facts.Add(new(name, month.Deals == 0 ? "no deals" : $"{Deals(month.Deals)}, none with an amount yet"));
            foreach (var currency in currencies)
                facts.Add(new(currencies.Count > 1 ? $"{name}, {currency}" : name,
                    $"{Deals(currencies.Count > 1 ? month.DealsIn.GetValueOrDefault(currency) : month.Deals)}: pipeline {Money(month.Pipeline, currency)} · weighted {Money(month.Weighted, currency)} · commit {Money(month.Commit, currency)}"
                    + (month.WithoutAmount > 0 && currency == currencies[0] ? $" ({month.WithoutAmount} without an amount)" : "")));
        }
        var notes = new List<string>();
        if (r.Undated.Deals > 0)
            notes.Add($"{Bucket(r.Undated)} need{(r.Undated.Deals == 1 ? "s" : "")} a close date ({Reasons(r.Undated)}).");
        if (r.Outside.Deals > 0)
            notes.Add($"{Bucket(r.Outside)} close{(r.Outside.Deals == 1 ? "s" : "")} outside {Range(r)}.");
        notes.Add("Chance of winning by stage: " + string.Join(" · ", r.Probabilities.Select(o => $"{o.Stage.DisplayName()} {o.Percent} ({o.Source})")));
        notes.Add("Weighted: each deal times its stage's chance. Commit: deals in Negotiation or Closing.");
        return new(Summary(r, dated)) { Title = $"{r.Label}, {Range(r)}", Facts = facts, Notes = notes };
    }

    /// <summary>"$120,000 pipeline, $54,000 weighted in 14 deals" per currency, never summed across them.</summary>
    public static string Summary(ForecastReport r, int dated)
    {
        if (dated == 0)
            return $"No open deals close in {Range(r)}.";
        var totals = r.Currencies.Select(c =>
            $"{Money(r.Months.Sum(m => m.Pipeline.GetValueOrDefault(c)), c)} pipeline, {Money(r.Months.Sum(m => m.Weighted.GetValueOrDefault(c)), c)} weighted, {Money(r.Months.Sum(m => m.Commit.GetValueOrDefault(c)), c)} commit").ToList();
        return $"{Deals(dated)} closing in {Range(r)}" + (totals.Count == 0 ? "." : ": " + string.Join("; ", totals) + ".");
    }

    public static string Range(ForecastReport r) =>
        r.From.Year == r.To.Year && r.From.Month == r.To.Month ? Month(r.From) : $"{Month(r.From)} – {Month(r.To)}";

    public static string MonthName(string key) =>
        DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Month(DateOnly day) => day.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Bucket(ForecastBucket b) =>
        Deals(b.Deals) + (b.Pipeline.Count == 0 ? "" : ", " + string.Join(" + ", b.Pipeline.Select(a => new Money(a.Value, a.Key).ToString())) + ",");

    private static string Reasons(ForecastBucket b) => (b.NoCloseDate, b.PastCloseDate) switch
    {
        (> 0, 0) => "none set",
        (0, > 0) => "their date has passed",
        var (none, past) => $"{none} with none, {past} past their date",
    };

    private static string Deals(int count) => $"{count} deal{(count == 1 ? "" : "s")}";

    private static string Money(IReadOnlyDictionary<string, decimal> amounts, string currency) => Money(amounts.GetValueOrDefault(currency), currency);

    private static string Money(decimal amount, string currency) => new Money(Math.Round(amount, 0), currency).ToString();
}
