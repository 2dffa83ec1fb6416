using Quartz;
using SalesCoachBot.Deals;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Scheduling;

/// <summary>Looks for stalled deals and queues the nudges and escalations worth sending now; also forgets old channel deliveries and deals deleted over a week ago.</summary>
[DisallowConcurrentExecution]
public sealed class StallSweepJob(ProactiveRuns runs, TeamRuns teamRuns, Inbox inbox, DealService deals) : IJob
{
    public static readonly JobKey Key = new("stall-sweep");

    // On a thread that gives way to chat turns: the sweep may read a million deals.
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await LowPriority.RunAsync("stall sweep", async () =>
    {
        await runs.NudgesAsync(cancellationToken);
        await LowPriority.AtNormalPriorityAsync(() => teamRuns.RunAsync(cancellationToken));
        await inbox.PurgeAsync(TimeSpan.FromDays(2), cancellationToken);
        await deals.PurgeDeletedAsync(TimeSpan.FromDays(7), cancellationToken);
    });
}
