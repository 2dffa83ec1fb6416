using Quartz;

namespace SalesCoachBot.Scheduling;

/// <summary>A schedule changed by chat: run the sync now (or once the scheduler has started) rather than at its next round.</summary>
public sealed class QuartzScheduleChanges(SchedulerLifetime lifetime, ILogger<QuartzScheduleChanges> logger) : IScheduleChanges
{
    public void Changed() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await lifetime.Running.WaitAsync(TimeSpan.FromMinutes(1));
            if (await scheduler.GetStatus() == SchedulerStatus.Running)
                await scheduler.TriggerJob(ScheduleSyncJob.Key, new JobDataMap());
        }
        catch (Exception e) when (e is SchedulerException or TimeoutException)
        {
            logger.LogWarning("Could not run the schedule sync now ({Error}); it runs within ten minutes anyway", e.Message);
        }
    }
}
