using Quartz;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Scheduling;

/// <summary>Hourly: queues the weekly check-in for every rep whose check-in time has come (rep-local).</summary>
[DisallowConcurrentExecution]
public sealed class CheckInSweepJob(ProactiveRuns runs) : IJob
{
    public static readonly JobKey Key = new("check-in-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await LowPriority.RunAsync("check-in sweep", () => runs.CheckInsAsync(cancellationToken)); // gives way to chat turns
}
