using Quartz;

namespace SalesCoachBot.Scheduling;

/// <summary>Fires on each digest subscription's weekday and hour and queues the digest for its channel.</summary>
public sealed class DigestJob(ProactiveRuns runs) : IJob
{
    public const string SubscriptionIdKey = "subscriptionId";
    public static readonly JobKey Key = new("digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Convert.ToInt64(context.MergedJobDataMap[SubscriptionIdKey], System.Globalization.CultureInfo.InvariantCulture);
        if (!await runs.DigestAsync(id, cancellationToken))
            await context.Scheduler.UnscheduleJob(context.Trigger.Key, cancellationToken); // the digest was stopped
    }
}
