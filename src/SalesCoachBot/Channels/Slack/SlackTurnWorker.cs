using Microsoft.Bot.Builder;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Runs queued Slack turns in the background, a few at a time.</summary>
public sealed class SlackTurnWorker(SlackInbox inbox, SlackAdapter adapter, IBot bot, ILogger<SlackTurnWorker> logger) : BackgroundService
{
    private const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var inbound in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await adapter.ProcessAsync(inbound, bot, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Slack turn {DeliveryId} failed", inbound.DeliveryId);
            }
        }
    }
}
