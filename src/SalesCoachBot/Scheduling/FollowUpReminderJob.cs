using Quartz;

namespace SalesCoachBot.Scheduling;

/// <summary>Fires once per follow-up, on the morning it is due, and queues its reminder.</summary>
public sealed class FollowUpReminderJob(ProactiveRuns runs) : IJob
{
    public const string FollowUpIdKey = "followUpId";
    public static readonly JobKey Key = new("follow-up-reminder");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runs.RemindersAsync(Convert.ToInt64(context.MergedJobDataMap[FollowUpIdKey], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
}
