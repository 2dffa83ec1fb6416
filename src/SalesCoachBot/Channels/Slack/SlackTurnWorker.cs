namespace SalesCoachBot.Channels.Slack;

/// <summary>Runs queued Slack turns in the background: the lanes in parallel, each lane in order.</summary>
public sealed class SlackTurnWorker(SlackInbox inbox, SlackAdapter adapter, ILogger<SlackTurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, SlackInbox.Lanes).Select(lane => RunAsync(lane, stoppingToken)));

    private async Task RunAsync(int lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var inbound in inbox.Lane(lane).ReadAllAsync(stoppingToken))
            {
                try
                {
                    await adapter.ProcessAsync(inbound, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Slack turn {DeliveryId} failed", inbound.DeliveryId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
