using Quartz;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Creates and starts Quartz once the host is listening, in its turn on the <see cref="StartUpLane"/>: creating the
/// scheduler opens its store, and no request waits for it. On a stop, jobs that are running finish within the host's
/// shutdown time. The bot uses the scheduler only once it has started (<see cref="Running"/>), never while it is starting.
/// </summary>
public sealed class SchedulerLifetime(ISchedulerFactory schedulers, IServiceProvider services, IHostApplicationLifetime lifetime, StartUpLane lane,
    ILogger<SchedulerLifetime> logger) : StartUpLaneWork(lane, StartUpWork.Scheduler, lifetime, logger)
{
    private readonly TaskCompletionSource<IScheduler> running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScheduler? scheduler;

    /// <summary>The scheduler once it has started; incomplete until then, and for good if it never starts.</summary>
    public Task<IScheduler> Running => running.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosts starting together make and start their schedulers one at a time: each may provision Quartz's
        // tables and recover the cluster's state.
        await using (await services.TakeStartUpLockAsync(stoppingToken))
        {
            scheduler = await schedulers.GetScheduler(stoppingToken);
            await scheduler.Start(stoppingToken);
        }
        running.TrySetResult(scheduler);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } started)
            await started.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
