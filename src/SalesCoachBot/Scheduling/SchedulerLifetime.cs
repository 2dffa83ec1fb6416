using Quartz;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Creates and starts Quartz once the host is listening, in its turn on the <see cref="StartUpLane"/>: creating the
/// scheduler opens its store, and no request waits for it. On a stop, jobs that are running finish within the host's
/// shutdown time. The bot uses the scheduler only once it has started (<see cref="Running"/>), never while it is starting.
/// </summary>
public sealed class SchedulerLifetime(ISchedulerFactory schedulers, IServiceProvider services, IHostApplicationLifetime lifetime, StartUpLane lane,
    ILogger<SchedulerLifetime> logger)
    : IHostedService
{
    // Not disposed: it has no timer, and a stop that comes after the container disposed this service must still cancel it.
    private readonly CancellationTokenSource stopping = new();
    private Task starting = Task.CompletedTask;
    private readonly TaskCompletionSource<IScheduler> running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScheduler? scheduler;

    /// <summary>The scheduler once it has started; incomplete until then, and for good if it never starts.</summary>
    public Task<IScheduler> Running => running.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = StartWhenListeningAsync();
        return Task.CompletedTask;
    }

    private async Task StartWhenListeningAsync()
    {
        try
        {
            await lane.RunAsync(StartUpWork.Scheduler, async () =>
            {
                // Hosts starting together make and start their schedulers one at a time: each may provision Quartz's
                // tables and recover the cluster's state.
                await using (await services.TakeStartUpLockAsync(stopping.Token))
                {
                    scheduler = await schedulers.GetScheduler(stopping.Token);
                    await scheduler.Start(stopping.Token);
                }
            }, stopping.Token);
            running.TrySetResult(scheduler!);
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
}
