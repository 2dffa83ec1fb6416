using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Forecast;

/// <summary>
/// What the manager's chart shows, in one currency (the one with the largest open amount; the others are named, never
/// converted): the open pipeline by stage stacked by rep, and the forecast by month, pipeline beside weighted.
/// </summary>
public sealed record ManagerChart(string Title, string Currency, IReadOnlyList<DealStage> Stages, IReadOnlyList<RepStages> Reps,
    IReadOnlyList<MonthFigures> Months, IReadOnlyList<string> OtherCurrencies);

/// <summary>One rep's open amount in each of <see cref="ManagerChart.Stages"/>, in order.</summary>
public sealed record RepStages(string Rep, IReadOnlyList<decimal> Amounts);

public sealed record MonthFigures(string Month, decimal Pipeline, decimal Weighted);

public sealed class ManagerCharts(SalesCoachDbContext db, ForecastService forecasts)
{
    /// <summary>The chart of the open pipeline and of the forecast for the months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<ManagerChart> BuildAsync(ForecastScope scope, DateOnly today, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var forecast = await forecasts.ComputeAsync(scope.Label, scope.Owners, scope.Team, today, from, to, cancellationToken);
        var owners = scope.Owners;
        var open = await db.Deals.AsNoTracking().Where(Deal.IsOpen).Where(d => owners == null || owners.Contains(d.OwnerId))
            .Where(d => d.Amount != null && d.Amount >= 0 && d.Currency != null)
            .Select(d => new { Rep = d.Owner!.DisplayName, d.Stage, Amount = d.Amount!.Value, Currency = d.Currency! })
            .ToListAsync(cancellationToken);
        var currencies = open.GroupBy(d => d.Currency).OrderByDescending(g => g.Sum(d => d.Amount)).ThenBy(g => g.Key).Select(g => g.Key).ToList();
        var currency = currencies.FirstOrDefault() ?? forecast.Currencies.FirstOrDefault() ?? "USD";
        var inCurrency = open.Where(d => d.Currency == currency).ToList();
        var reps = inCurrency.GroupBy(d => d.Rep).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RepStages(g.Key, [.. StageNames.Open.Select(s => g.Where(d => d.Stage == s).Sum(d => d.Amount))])).ToList();
        var months = forecast.Months.Select(m => new MonthFigures(m.Month, m.Pipeline.GetValueOrDefault(currency), m.Weighted.GetValueOrDefault(currency))).ToList();
        return new ManagerChart(scope.Label, currency, StageNames.Open, reps, months,
            [.. currencies.Where(c => c != currency)]);
    }
}
