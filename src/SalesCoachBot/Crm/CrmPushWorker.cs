namespace SalesCoachBot.Crm;

/// <summary>Writes queued chat changes to the CRM: at once when one is queued, and when the next waiting write is due.</summary>
public sealed class CrmPushWorker(CrmPush push, CrmSignal signal, TimeProvider time, ILogger<CrmPushWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Round;
            try
            {
                await push.PushDueAsync(stoppingToken);
                if (await push.NextDueAsync(stoppingToken) is { } next)
                    wait = TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, 0, Round.Ticks));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "CRM push round failed; trying again shortly");
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
