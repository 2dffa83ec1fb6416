using SalesCoachBot.Outbox;

namespace SalesCoachBot.Scheduling;

/// <summary>Sends from the outbox: at once when something is written, and every few seconds for retries.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox round failed; trying again shortly");
            }
            await signal.WaitAsync(Round, time, stoppingToken);
        }
    }
}
