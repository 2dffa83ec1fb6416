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
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another host claimed it a moment earlier (unique key); anything else is rethrown.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await check.ProcessedDeliveries.AnyAsync(d => d.Id == deliveryId, cancellationToken))
                return false;
            throw;
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
