namespace SalesCoachBot.Digests;

/// <summary>A manager's stalled-deal digest, posted to a channel on a weekday and hour in their time zone.</summary>
public sealed class DigestSubscription
{
    public long Id { get; set; }
    public long ManagerId { get; set; }
    public required string Channel { get; set; }

    /// <summary>The channel conversation's reference (JSON).</summary>
    public required string Address { get; set; }
    public required string ConversationId { get; set; }
    public DayOfWeek Day { get; set; }
    public int Hour { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
