using Quartz;
using SalesCoachBot.Nudges;

namespace SalesCoachBot.Scheduling;

/// <summary>Looks for stalled deals and queues the nudges worth sending now.</summary>
[DisallowConcurrentExecution]
public sealed class StallSweepJob(ProactiveRuns runs) : IJob
{
    public static readonly JobKey Key = new("stall-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await runs.NudgesAsync(cancellationToken);
}
