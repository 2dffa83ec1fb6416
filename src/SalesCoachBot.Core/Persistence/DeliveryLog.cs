using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Persistence;

/// <summary>Claims a delivery id once across every host sharing the database; a repeat is refused.</summary>
public sealed class DeliveryLog(IDbContextFactory<SalesCoachDbContext> contexts, TimeProvider time)
{
    public async Task<bool> TryClaimAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement: a repeat, or another host's claim a moment earlier, inserts nothing.
        return await db.InsertIfAbsentAsync(new ProcessedDelivery { Id = deliveryId, ReceivedAt = time.GetUtcNow() }, cancellationToken) == 1;
    }

    /// <summary>Forgets deliveries older than a channel would ever retry (Slack retries within an hour).</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = time.GetUtcNow() - olderThan;
        return await db.ProcessedDeliveries.Where(d => d.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
