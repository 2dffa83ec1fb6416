namespace SalesCoachBot.Persistence;

/// <summary>A delivery a channel may repeat (Slack retries an event it thinks was missed), taken once.</summary>
public sealed class ProcessedDelivery
{
    public required string Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
