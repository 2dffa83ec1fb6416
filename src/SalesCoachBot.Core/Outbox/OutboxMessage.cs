namespace SalesCoachBot.Outbox;

/// <summary>
/// A message the bot sends unprompted, written before it is sent and marked sent only after the
/// channel accepted it. <see cref="Address"/> is the channel's own address (JSON), read by that channel's sender.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What it is and for whom, unique: the same nudge is never queued twice.</summary>
    public required string Key { get; set; }
    public required MessageKind Kind { get; set; }
    public long? RepId { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    public required string ReplyJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The host sending it now, until <see cref="LeasedUntil"/>; after that another host may.</summary>
    public string? LeasedBy { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
}
