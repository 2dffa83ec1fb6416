using SalesCoachBot.Deals;

namespace SalesCoachBot.Metrics;

/// <summary>
/// The four numbers that matter, over a window: win rate, average deal size, time to close and
/// pipeline velocity (open deals × win rate × average deal size ÷ average days to close, per day).
/// Amounts count in one currency; deals in others are left out of the money figures.
/// </summary>
public sealed record PipelineMetrics(int OpenDeals, int Won, int Lost, decimal? WinRate, Money? AverageDealSize, double? AverageDaysToClose, Money? VelocityPerDay)
{
    public static PipelineMetrics Compute(IReadOnlyCollection<Deal> open, IReadOnlyCollection<Deal> closedInWindow, string currency)
    {
        var won = closedInWindow.Where(d => d.Stage == DealStage.Won).ToList();
        var lost = closedInWindow.Count(d => d.Stage == DealStage.Lost);
        decimal? winRate = won.Count + lost == 0 ? null : (decimal)won.Count / (won.Count + lost);
        var amounts = won.Where(d => d.Currency == currency && d.Amount is not null).Select(d => d.Amount!.Value).ToList();
        Money? averageSize = amounts.Count == 0 ? null : new Money(Math.Round(amounts.Average(), 2), currency);
        double? daysToClose = won.Count == 0 ? null : won.Average(d => (d.ClosedAt!.Value - d.CreatedAt).TotalDays);
        Money? velocity = winRate is { } rate && averageSize is { } size && daysToClose is > 0 and var days
            ? new Money(Math.Round(open.Count * rate * size.Amount / (decimal)days, 2), currency)
            : null;
        return new PipelineMetrics(open.Count, won.Count, lost, winRate, averageSize, daysToClose, velocity);
    }

    public string Describe() => string.Join(" · ",
        $"win rate {(WinRate is { } r ? $"{r:P0} ({Won} of {Won + Lost})" : "n/a (nothing closed)")}",
        $"average deal size {AverageDealSize?.ToString() ?? "n/a"}",
        $"time to close {(AverageDaysToClose is { } d ? $"{d:0} days" : "n/a")}",
        $"pipeline velocity {(VelocityPerDay is { } v ? $"{v}/day" : "n/a")}");
}
