using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Persistence;

/// <summary>Claims a delivery id once across every host sharing the database; a repeat is refused.</summary>
public sealed class DeliveryLog(IDbContextFactory<SalesCoachDbContext> contexts, TimeProvider time)
{
    public async Task<bool> TryClaimAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ProcessedDeliveries.AnyAsync(d => d.Id == deliveryId, cancellationToken))
            return false;
        db.ProcessedDeliveries.Add(new ProcessedDelivery { Id = deliveryId, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT })
        {
            return false; // another host claimed it a moment earlier (unique key)
        }
    }

    /// <summary>Forgets deliveries older than a channel would ever retry (Slack retries within an hour).</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = time.GetUtcNow() - olderThan;
        return await db.ProcessedDeliveries.Where(d => d.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
