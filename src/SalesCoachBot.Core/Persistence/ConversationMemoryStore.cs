using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Conversations;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Persistence;

/// <summary>
/// Each rep's memory of each conversation (open questions, undo, buttons), in the bot's database so it
/// survives restarts and is shared by every host. Written as plain JSON, with no type names in it.
/// </summary>
public sealed class ConversationMemoryStore(IDbContextFactory<SalesCoachDbContext> contexts, TimeProvider clock, ILogger<ConversationMemoryStore> logger)
{
    /// <summary>A memory as read, with the JSON it was read from, so an unchanged memory is not written again.</summary>
    public sealed record Stored(ConversationMemory Memory, string? Json);

    public async Task<Stored> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.BotState.AsNoTracking().Where(e => e.Key == key).Select(e => e.Json).FirstOrDefaultAsync(cancellationToken);
        if (json is null)
            return new(new ConversationMemory(), null);
        // Memory this version cannot read (damaged, or from an unknown version) starts afresh rather than
        // failing every turn of that conversation from now on.
        if (MemoryJson.TryRead(json, out var memory))
            return new(memory, json);
        logger.LogWarning("Conversation memory {Key} could not be read and starts afresh", key);
        return new(new ConversationMemory(), json);
    }

    public async Task SaveAsync(string key, Stored stored, CancellationToken cancellationToken)
    {
        var json = MemoryJson.Write(stored.Memory);
        if (json == stored.Json)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (etag, now) = (Guid.NewGuid().ToString("N"), clock.GetUtcNow());
        Task<int> UpdateAsync() => db.BotState.Where(e => e.Key == key)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Json, json).SetProperty(x => x.ETag, etag).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        // A stored message's turn records itself as applied, and its answer, with its memory (InboxTurn), in one transaction.
        await using var transaction = InboxTurn.Current is not null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // A conversation's first memory may be written by two turns at once: the insert skips a row that is already
        // there (ON CONFLICT DO NOTHING) and the later update wins, so the race is not a failed command in the log.
        if (await UpdateAsync() == 0 && await db.InsertIfAbsentAsync(new BotStateEntry { Key = key, Json = json, ETag = etag, UpdatedAt = now }, cancellationToken) == 0)
            await UpdateAsync();
        if (transaction is not null)
            await db.CommitMarkingInboxTurnAsync(transaction, cancellationToken);
    }

    /// <summary>Rewrites memories stored by earlier versions (with .NET type names in them) in today's form.</summary>
    public async Task<int> UpgradeStoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await db.BotState.Where(e => e.Json.Contains("\"$type\"")).ToListAsync(cancellationToken);
        foreach (var entry in old)
        {
            if (MemoryJson.TryRead(entry.Json, out var memory))
                entry.Json = MemoryJson.Write(memory);
            else
                db.BotState.Remove(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
        return old.Count;
    }
}
