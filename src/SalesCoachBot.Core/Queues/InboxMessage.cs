namespace SalesCoachBot.Queues;

/// <summary>
/// A message a channel delivered and the bot acknowledged, stored before the acknowledgement and run
/// from here: in order within its <see cref="Lane"/> (one rep in one conversation), by whichever host
/// holds the lease, again after a crash if its turn did not finish.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    /// <summary>The channel's own id for this delivery (a retry carries the same one), unique.</summary>
    public required string DeliveryId { get; set; }
    public required string Channel { get; set; }
    public required string Lane { get; set; }

    /// <summary>What the channel needs to run the turn (JSON, the channel's own shape).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? LeasedBy { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the turn's first change was saved (<see cref="InboxTurn"/>): a turn run again after that is not applied again.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The answer of a turn that saved changes (the outbox's reply JSON), sent again rather than the turn run again.</summary>
    public string? AnswerJson { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? LastError { get; set; }
}
