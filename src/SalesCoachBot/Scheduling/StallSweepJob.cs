using Quartz;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Scheduling;

/// <summary>Looks for stalled deals and queues the nudges worth sending now; also forgets old channel deliveries.</summary>
[DisallowConcurrentExecution]
public sealed class StallSweepJob(ProactiveRuns runs, DeliveryLog deliveries) : IJob
{
    public static readonly JobKey Key = new("stall-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await runs.NudgesAsync(cancellationToken);
        await deliveries.PurgeAsync(TimeSpan.FromDays(2), cancellationToken);
    }
}
