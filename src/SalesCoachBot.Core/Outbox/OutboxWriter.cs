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
        var existing = await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var message in list.Where(m => !existing.Contains(m.Key)).DistinctBy(m => m.Key))
        {
            db.Outbox.Add(new OutboxMessage
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
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
            signal.Wake();
        return added;
    }

    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply);

    public static Reply Deserialize(string json) => JsonSerializer.Deserialize<Reply>(json) ?? throw new InvalidOperationException("Empty reply in the outbox.");
}
