using Quartz;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Creates and starts Quartz once the host is listening: creating the scheduler opens its store, and no request
/// waits for it. On a stop, jobs that are running finish within the host's shutdown time.
/// </summary>
internal sealed class SchedulerLifetime(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, ILogger<SchedulerLifetime> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task starting = Task.CompletedTask;
    private IScheduler? scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = StartWhenListeningAsync();
        return Task.CompletedTask;
    }

    private async Task StartWhenListeningAsync()
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(listening.SetResult);
        await listening.Task.WaitAsync(stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stopping.IsCancellationRequested)
            return;
        try
        {
            scheduler = await schedulers.GetScheduler(stopping.Token);
            await scheduler.Start(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The scheduler could not start; stopping the host");
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } running)
            await running.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    public void Dispose() => stopping.Dispose();
}
