namespace SalesCoachBot.Queues;

/// <summary>
/// The stored message whose turn runs on this flow. The turn's first saved change records the message as applied
/// in the same transaction (<see cref="Persistence.SalesCoachDbContext"/>), so a turn that is run again — its host
/// stopped, died or lost the database before marking it done — is recognised and its changes are not made twice.
/// </summary>
public sealed class InboxTurn
{
    private static readonly AsyncLocal<InboxTurn?> current = new();

    private InboxTurn(long messageId, TimeProvider clock) => (MessageId, Clock) = (messageId, clock);

    public static InboxTurn? Current => current.Value;

    public long MessageId { get; }
    public TimeProvider Clock { get; }

    /// <summary>True once a change of this turn is committed with the mark.</summary>
    public bool Applied { get; internal set; }

    /// <summary>The turn's answer (the outbox's reply JSON), kept with the row by the save of the conversation's memory.</summary>
    public string? AnswerJson { get; set; }

    /// <summary>True once <see cref="AnswerJson"/> is committed with the row.</summary>
    public bool AnswerKept { get; internal set; }

    public static Scope Begin(long messageId, TimeProvider clock)
    {
        var previous = current.Value;
        current.Value = new InboxTurn(messageId, clock);
        return new Scope(previous);
    }

    public readonly struct Scope(InboxTurn? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
