using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Rewrites conversation memories stored by earlier versions in the background, in its turn on the
/// <see cref="StartUpLane"/>: they are read either way, so no turn waits for it. A memory a turn (or another host)
/// wrote meanwhile is newer and stays as it is.
/// </summary>
internal sealed class StoredMemoryUpgrade(ConversationMemoryStore store, StartUpLane lane, IHostApplicationLifetime lifetime, ILogger<StoredMemoryUpgrade> logger)
    : StartUpLaneWork(lane, StartUpWork.StoredDataUpgrade, lifetime, logger)
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.UpgradeStoredAsync(stoppingToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Conversation memories were written while being upgraded; the rest are upgraded at the next start");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not upgrade stored conversation memories: {Problem}", e.Message);
        }
    }
}
