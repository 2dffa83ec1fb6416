namespace SalesCoachBot.Goals;

/// <summary>A rep's target for a period, e.g. 3 deals won a month or $50,000 a quarter. One per metric and period.</summary>
public sealed class Goal
{
    public long Id { get; set; }
    public long RepId { get; set; }
    public GoalMetric Metric { get; set; }
    public GoalPeriod Period { get; set; }
    public decimal Target { get; set; }

    /// <summary>For revenue goals: the currency won deals are counted in.</summary>
    public string? Currency { get; set; }
    public DateTimeOffset SetAt { get; set; }
}
