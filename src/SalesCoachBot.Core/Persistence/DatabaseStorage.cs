using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Persistence;

/// <summary>
/// Bot Framework <see cref="IStorage"/> in the bot's own database, so conversation and user state
/// survive restarts and are shared by every host. Items that implement <see cref="IStoreItem"/> get
/// optimistic concurrency on their ETag, as with the SDK's own storages.
/// </summary>
public sealed class DatabaseStorage(IDbContextFactory<SalesCoachDbContext> contexts, TimeProvider clock, ILogger<DatabaseStorage> logger) : IStorage
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Objects name their type so state comes back typed; collections stay plain arrays.
        TypeNameHandling = TypeNameHandling.Objects,
        SerializationBinder = new StateTypeBinder(),
        NullValueHandling = NullValueHandling.Include,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.BotState.AsNoTracking().Where(e => keys.Contains(e.Key)).ToListAsync(cancellationToken);
        var items = new Dictionary<string, object>();
        foreach (var entry in entries)
        {
            // State this version cannot read (written by an older one, or damaged) starts afresh rather
            // than failing every turn of that conversation from now on.
            try
            {
                items[entry.Key] = JObject.Parse(entry.Json).ToObject<object>(Serializer)!;
            }
            catch (JsonException e)
            {
                logger.LogWarning("Bot state {Key} could not be read and starts afresh: {Error}", entry.Key, e.Message);
            }
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = changes.Keys.ToArray();
        var existing = await db.BotState.Where(e => keys.Contains(e.Key)).ToDictionaryAsync(e => e.Key, cancellationToken);
        foreach (var (key, value) in changes)
        {
            var json = JObject.FromObject(value, Serializer);
            existing.TryGetValue(key, out var entry);
            if (value is IStoreItem item && entry is not null && item.ETag is { } expected && expected != "*" && expected != entry.ETag)
                throw new InvalidOperationException($"State '{key}' was changed by another turn (ETag {expected} is stale).");

            var etag = Guid.NewGuid().ToString("N");
            if (value is IStoreItem)
                json["eTag"] = etag;
            if (entry is null)
                db.BotState.Add(new BotStateEntry { Key = key, Json = json.ToString(Formatting.None), ETag = etag, UpdatedAt = clock.GetUtcNow() });
            else
            {
                entry.Json = json.ToString(Formatting.None);
                entry.ETag = etag;
                entry.UpdatedAt = clock.GetUtcNow();
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new InvalidOperationException("State was changed by another turn at the same time; the turn should be retried.", e);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.BotState.Where(e => keys.Contains(e.Key)).ExecuteDeleteAsync(cancellationToken);
    }
}
