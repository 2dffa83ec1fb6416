using System.Threading.Channels;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>
/// Reads the deals HubSpot's webhooks named, after the webhook has been answered: HubSpot sends up to a hundred events
/// in one request and retries one that is not answered quickly. A read that fails, or one lost with its host, is read
/// at the next pull.
/// </summary>
public sealed class HubSpotWebhookReads(IServiceScopeFactory scopes, ILogger<HubSpotWebhookReads> logger) : BackgroundService
{
    private readonly Channel<string> named = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Read(IEnumerable<string> dealIds)
    {
        foreach (var id in dealIds)
            named.Writer.TryWrite(id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in named.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CrmPull>().PullDealAsync(id, stoppingToken);
                }
                catch (CrmException e)
                {
                    logger.LogWarning("A HubSpot webhook named deal {Id}, which could not be read now ({Error}); the next pull reads it", id, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
