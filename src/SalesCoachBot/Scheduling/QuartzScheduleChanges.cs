using Quartz;
using SalesCoachBot.Nudges;

namespace SalesCoachBot.Scheduling;

/// <summary>A schedule changed by chat: run the sync now rather than at its next round.</summary>
public sealed class QuartzScheduleChanges(ISchedulerFactory schedulers, ILogger<QuartzScheduleChanges> logger) : IScheduleChanges
{
    public void Changed() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            if (await scheduler.GetStatus() == SchedulerStatus.Running)
                await scheduler.TriggerJob(ScheduleSyncJob.Key, new JobDataMap());
        }
        catch (SchedulerException e)
        {
            logger.LogWarning("Could not run the schedule sync now ({Error}); it runs within ten minutes anyway", e.Message);
        }
    }
}
