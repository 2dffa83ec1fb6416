namespace SalesCoachBot.Deals;

/// <summary>One move of a deal between stages; <see cref="From"/> is null for the deal's creation.</summary>
public sealed class StageChange
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deal? Deal { get; set; }
    public DealStage? From { get; set; }
    public DealStage To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}
