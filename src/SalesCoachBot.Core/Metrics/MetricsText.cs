using System.Globalization;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Metrics;

/// <summary>The report in words: "n/a" with the reason where the sample is empty, each currency on its own.</summary>
public static class MetricsText
{
    public static string WinRate(MetricsReport r) =>
        r.WinRate is { } rate ? $"{Percent(rate)} ({r.Won} of {r.Won + r.Lost} closed)" : "n/a (no closed deals in this range)";

    /// <summary>Below this many closed deals, velocity (a product of three averages) is too noisy to show.</summary>
    public const int MinimumClosedForVelocity = 3;

    public static string TimeToClose(MetricsReport r) =>
        r.MeanDaysToClose is { } mean ? $"mean {mean:0} day{(Math.Round(mean) == 1 ? "" : "s")}, median {r.MedianDaysToClose:0}" : "n/a (no won deals in this range)";

    public static string DealSize(MetricsReport r) => PerCurrency(r, c => c.AverageDealSize is { } average
        ? $"{new Money(average, c.Currency)} (median {new Money(c.MedianDealSize!.Value, c.Currency)})" : null, "n/a (no won deals with an amount)");

    public static string Velocity(MetricsReport r) => r.Won + r.Lost is > 0 and < MinimumClosedForVelocity and var closed
        ? $"n/a (too few closed deals: {closed} of the {MinimumClosedForVelocity} needed)"
        : PerCurrency(r, c => c.VelocityPerDay is { } v ? $"{new Money(v, c.Currency)}/day" : null, "n/a (needs won deals and a cycle length)");

    public static string OpenPipeline(MetricsReport r) =>
        $"{r.OpenDeals} deal{(r.OpenDeals == 1 ? "" : "s")}" + (r.Currencies.Any(c => c.OpenAmount > 0) ? ", " + string.Join(" + ", r.Currencies.Where(c => c.OpenAmount > 0).Select(c => new Money(c.OpenAmount, c.Currency).ToString())) : "");

    public static string AtRisk(MetricsReport r) =>
        $"{r.StalledDeals} stalled" + (r.Currencies.Any(c => c.AtRisk > 0) ? ", " + string.Join(" + ", r.Currencies.Where(c => c.AtRisk > 0).Select(c => new Money(c.AtRisk, c.Currency).ToString())) : "");

    public static string Conversion(MetricsReport r) => Stages(r, s => s.Conversion is { } c ? $"{s.Stage.DisplayName()} {Percent(c)}" : null);

    public static string TimeInStage(MetricsReport r) => Stages(r, s => s.MedianDaysInStage is { } d ? $"{s.Stage.DisplayName()} {d:0.#} d" : null);

    /// <summary>The four numbers on one line, for the digest.</summary>
    public static string Summary(MetricsReport r) =>
        $"win rate {WinRate(r)} · average deal size {DealSize(r)} · time to close {TimeToClose(r)} · pipeline velocity {Velocity(r)}";

    public static Reply Card(MetricsReport r) => new($"{r.From:d MMM yyyy} – {r.To:d MMM yyyy}")
    {
        Title = r.Label,
        Facts =
        [
            new("Win rate", WinRate(r)),
            new("Time to close", TimeToClose(r)),
            new("Average deal size", DealSize(r)),
            new("Pipeline velocity", Velocity(r)),
            new("Open pipeline", OpenPipeline(r)),
            new("At risk", AtRisk(r)),
            new("Open by stage", Stages(r, s => s.OpenDeals == 0 ? null
                : $"{s.Stage.DisplayName()} {s.OpenDeals}" + (s.OpenAmount.Count == 0 ? "" : $" ({string.Join(" + ", s.OpenAmount.OrderBy(a => a.Key).Select(a => new Money(a.Value, a.Key).ToString()))})"))),
            new("Moved on from", Conversion(r)),
            new("Median time in stage", TimeInStage(r)),
            new("Stalls after", string.Join(" · ", r.StallThresholds.Select(t => $"{t.Stage.DisplayName()} {t.Days} d{(t.Learned ? $" (learned, {t.WonDealsMeasured} deals)" : "")}"))),
        ],
    };

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string PerCurrency(MetricsReport r, Func<CurrencyFigures, string?> figure, string none)
    {
        var parts = r.Currencies.Select(figure).OfType<string>().ToList();
        return parts.Count == 0 ? none : string.Join("; ", parts);
    }

    private static string Stages(MetricsReport r, Func<StageFigures, string?> figure)
    {
        var parts = r.Stages.Select(figure).OfType<string>().ToList();
        return parts.Count == 0 ? "n/a (no stage moves in this range)" : string.Join(" · ", parts);
    }
}
