using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Metrics;

/// <summary>
/// The one computation behind chat, the CLI and the manager digest. Deals are streamed with only the
/// columns needed, so memory grows with the number of closed deals in the range (for medians), not with
/// the whole table.
/// </summary>
public sealed class MetricsService(SalesCoachDbContext db, StallChecks stallChecks)
{
    /// <summary>
    /// The report for these reps (null: the whole organisation) over [from, until), instants in UTC; its first and last
    /// day are named as they are in <paramref name="zone"/>, where the range was drawn.
    /// </summary>
    public async Task<MetricsReport> ComputeAsync(string label, IReadOnlyCollection<long>? repIds, DateTimeOffset from, DateTimeOffset until, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var deals = repIds is null ? db.Deals.AsNoTracking() : db.Deals.AsNoTracking().Where(d => repIds.Contains(d.OwnerId));
        var days = new List<double>();
        var wonAmounts = new Dictionary<string, List<decimal>>();
        int won = 0, lost = 0;
        await foreach (var d in deals.Where(d => d.ClosedAt >= from && d.ClosedAt < until)
                           .Select(d => new { d.Stage, d.CreatedAt, d.ClosedAt, d.Amount, d.Currency }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (d.Stage == DealStage.Lost)
            {
                lost++;
                continue;
            }
            won++;
            // A deal closed within a day took a day: a cycle near zero would make velocity meaningless.
            days.Add(Math.Max(1, (d.ClosedAt!.Value - d.CreatedAt).TotalDays));
            if (d.Amount is { } amount and >= 0 && d.Currency is { } currency)
                (wonAmounts.TryGetValue(currency, out var list) ? list : wonAmounts[currency] = []).Add(amount);
        }
        double? winRate = won + lost == 0 ? null : (double)won / (won + lost);
        double? meanDays = days.Count == 0 ? null : days.Average();

        var stalls = await stallChecks.ForTeamAsync(repIds, cancellationToken);
        var open = new Dictionary<string, (int Count, decimal Amount, decimal AtRisk)>();
        var openByStage = new Dictionary<DealStage, int>();
        var amountByStage = new Dictionary<DealStage, Dictionary<string, decimal>>();
        int openDeals = 0, stalled = 0, openWithoutAmount = 0;
        await foreach (var d in deals.Where(Deal.IsOpen)
                           .Select(d => new { d.Id, d.Stage, d.Amount, d.Currency, d.LastActivityAt }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            openDeals++;
            openByStage[d.Stage] = openByStage.GetValueOrDefault(d.Stage) + 1;
            var isStalled = stalls.IsStalled(d.Id, d.Stage, d.LastActivityAt);
            stalled += isStalled ? 1 : 0;
            if (d.Amount is { } amount and >= 0 && d.Currency is { } currency)
            {
                var (count, total, risk) = open.GetValueOrDefault(currency);
                open[currency] = (count + 1, total + amount, risk + (isStalled ? amount : 0));
                var inStage = amountByStage.TryGetValue(d.Stage, out var known) ? known : amountByStage[d.Stage] = [];
                inStage[currency] = inStage.GetValueOrDefault(currency) + amount;
            }
            else
                openWithoutAmount++;
        }

        var currencies = wonAmounts.Keys.Union(open.Keys).Order().Select(currency =>
        {
            var amounts = wonAmounts.GetValueOrDefault(currency) ?? [];
            decimal? average = amounts.Count == 0 ? null : Math.Round(amounts.Average(), 2);
            var (count, total, risk) = open.GetValueOrDefault(currency);
            // Open deals with no amount yet are expected to close at the average size, so they count in every currency.
            decimal? velocity = winRate is { } rate && average is { } size && meanDays is > 0 and var cycle
                ? Math.Round((count + openWithoutAmount) * (decimal)rate * size / (decimal)cycle, 2)
                : null;
            return new CurrencyFigures(currency, amounts.Count, average, Statistics.Median(amounts), count, total, risk, velocity);
        }).ToList();

        var stages = (await StagesAsync(repIds, from, until, openByStage, cancellationToken))
            .Select(s => s with { OpenAmount = amountByStage.GetValueOrDefault(s.Stage) ?? [] }).ToList();
        return new MetricsReport(label, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime).AddDays(-1),
            won, lost, winRate, meanDays, Statistics.Median(days), openDeals, stalled, currencies, stages, [.. stalls.Rules]);
    }

    // Stages entered in the range: how many moved on (to a later stage or Won), and how long they stayed.
    private async Task<List<StageFigures>> StagesAsync(IReadOnlyCollection<long>? repIds, DateTimeOffset from, DateTimeOffset until,
        Dictionary<DealStage, int> openByStage, CancellationToken cancellationToken)
    {
        var entered = new Dictionary<DealStage, int>();
        var movedOn = new Dictionary<DealStage, int>();
        var durations = new Dictionary<DealStage, List<double>>();
        await foreach (var visit in StageVisits.ReadAsync(db, repIds, wonDealsOnly: false, cancellationToken))
        {
            if (visit.EnteredAt < from || visit.EnteredAt >= until)
                continue;
            entered[visit.Stage] = entered.GetValueOrDefault(visit.Stage) + 1;
            if (visit.Days is { } days)
                (durations.TryGetValue(visit.Stage, out var list) ? list : durations[visit.Stage] = []).Add(days);
            if (visit.Next is { } next && next > visit.Stage && next != DealStage.Lost)
                movedOn[visit.Stage] = movedOn.GetValueOrDefault(visit.Stage) + 1;
        }
        return [.. StageNames.Open.Select(stage =>
        {
            var count = entered.GetValueOrDefault(stage);
            var moved = movedOn.GetValueOrDefault(stage);
            return new StageFigures(stage, count, moved, count == 0 ? null : (double)moved / count,
                Statistics.Median(durations.GetValueOrDefault(stage) ?? []), openByStage.GetValueOrDefault(stage));
        })];
    }
}
