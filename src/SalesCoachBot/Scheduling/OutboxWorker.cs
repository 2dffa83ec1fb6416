using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Scheduling;

/// <summary>Sends from the outbox: at once when something is written, and when the next waiting message is due.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, DatabaseOutages outages, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.ReleaseAsync(stoppingToken); // what this host held before a restart was not sent
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not give back this host's outbox leases; they run out by themselves");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Round;
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                if (await dispatcher.NextDueAsync(stoppingToken) is { } next)
                    wait = TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, 0, Round.Ticks));
                outages.Answered();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox round failed; trying again shortly");
            }
            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
