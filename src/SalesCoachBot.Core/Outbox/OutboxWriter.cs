using System.Text.Json;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Outbox;

/// <summary>Writes planned messages to the outbox; a key already there is not written again.</summary>
public sealed class OutboxWriter(SalesCoachDbContext db, TimeProvider time, OutboxSignal signal)
{
    public async Task<int> WriteAsync(IEnumerable<PlannedMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = messages.DistinctBy(m => m.Key).Select(message => new OutboxMessage
        {
            Key = message.Key,
            Kind = message.Kind,
            RepId = message.RepId,
            Channel = message.Channel,
            Address = message.Address,
            ReplyJson = Serialize(message.Reply),
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        // Set-based: a key already there is skipped by the database, and nothing is tracked, however large the run.
        var added = await db.InsertManyIfAbsentAsync(rows, cancellationToken);
        if (added > 0)
            signal.Wake();
        return added;
    }

    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply);

    public static Reply Deserialize(string json) => JsonSerializer.Deserialize<Reply>(json) ?? throw new InvalidOperationException("Empty reply in the outbox.");
}
