using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Work;

namespace SalesCoachBot.Outbox;

/// <summary>Writes planned messages to the outbox; a key already there is not written again.</summary>
public sealed class OutboxWriter(SalesCoachDbContext db, TimeProvider time, OutboxSignal signal)
{
    public async Task<int> WriteAsync(IEnumerable<PlannedMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = messages.ToList();
        var keys = list.Select(m => m.Key).ToList();
        var existing = (await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken)).ToHashSet();
        var added = new List<OutboxMessage>();
        foreach (var message in list.Where(m => !existing.Contains(m.Key)).DistinctBy(m => m.Key))
        {
            added.Add(new OutboxMessage
            {
                Key = message.Key,
                Kind = message.Kind,
                RepId = message.RepId,
                Channel = message.Channel,
                Address = message.Address,
                ReplyJson = Serialize(message.Reply),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        db.Outbox.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        // Written rows are the dispatcher's now; a large run should not keep them all tracked.
        foreach (var message in added)
            db.Entry(message).State = EntityState.Detached;
        if (added.Count > 0)
            signal.Wake();
        return added.Count;
    }

    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply);

    public static Reply Deserialize(string json) => JsonSerializer.Deserialize<Reply>(json) ?? throw new InvalidOperationException("Empty reply in the outbox.");
}
