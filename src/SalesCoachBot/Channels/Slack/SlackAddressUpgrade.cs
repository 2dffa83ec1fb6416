using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Rewrites Slack addresses stored by earlier versions (Bot Framework conversation references) as <see cref="SlackAddress"/>,
/// in the background, in its turn on the <see cref="StartUpLane"/>: <see cref="SlackAddress.Read"/> reads both shapes,
/// so nothing waits for it.
/// </summary>
public sealed class SlackAddressUpgrade(IDbContextFactory<SalesCoachDbContext> contexts, StartUpLane lane, IHostApplicationLifetime lifetime,
    ILogger<SlackAddressUpgrade> logger) : StartUpLaneWork(lane, StartUpWork.StoredDataUpgrade, lifetime, logger)
{
    private const string OldShape = "\"conversation\"";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await UpgradeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not upgrade stored Slack addresses: {Problem}", e.Message);
        }
    }

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var account in await db.RepAccounts.Where(a => a.Channel == SlackAdapter.ChannelId && a.Address != null && a.Address.Contains(OldShape)).ToListAsync(cancellationToken))
            account.Address = SlackAddress.Read(account.Address!).Write();
        foreach (var subscription in await db.DigestSubscriptions.Where(s => s.Channel == SlackAdapter.ChannelId && s.Address.Contains(OldShape)).ToListAsync(cancellationToken))
            subscription.Address = SlackAddress.Read(subscription.Address).Write();
        foreach (var message in await db.Outbox.Where(m => m.Channel == SlackAdapter.ChannelId && m.Address.Contains(OldShape)).ToListAsync(cancellationToken))
            message.Address = SlackAddress.Read(message.Address).Write();
        await db.SaveChangesAsync(cancellationToken);
    }
}
