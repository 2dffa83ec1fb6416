using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Digests;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// One run of each scheduled job: plan what to send, write it to the outbox, and record it as sent so
/// the next run does not repeat it. The scheduler calls these; so do tests, on a fake clock.
/// </summary>
public sealed class ProactiveRuns(NudgePlanner nudges, CheckInPlanner checkIns, ReminderPlanner reminders, DigestPlanner digests,
    OutboxWriter outbox, OutboxSignal signal, SalesCoachDbContext db, TimeProvider time, TurnsInFlight turns)
{
    public async Task<int> NudgesAsync(CancellationToken cancellationToken)
    {
        // Each batch's messages and its deals' marks commit together (and with one sync to disk, not one per statement).
        var written = 0;
        await foreach (var batch in nudges.PlanBatchesAsync(cancellationToken))
        {
            // Planning may run on a low-priority thread; the write holds the lock chat turns wait for, so it does not.
            var writing = time.GetTimestamp();
            var added = await LowPriority.AtNormalPriorityAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var written = await outbox.WriteAsync(batch.Messages, cancellationToken);
                await nudges.MarkNudgedAsync(batch.DealIds, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return written;
            });
            if (added > 0)
                signal.Wake(); // the writer woke the dispatcher before the commit; wake it again now the rows are visible
            written += added;
            // The writes run at the turns' priority: while turns are in flight, they get as long again before the next.
            if (turns.PauseAfter(time.GetElapsedTime(writing)) is { Ticks: > 0 } pause)
                await Task.Delay(pause, time, cancellationToken);
        }
        return written;
    }

    public async Task<int> CheckInsAsync(CancellationToken cancellationToken)
    {
        var plans = await checkIns.PlanAsync(cancellationToken);
        return await LowPriority.AtNormalPriorityAsync(async () =>
        {
            var written = await outbox.WriteAsync(plans, cancellationToken);
            await checkIns.MarkSentAsync(plans, time.GetUtcNow(), cancellationToken);
            return written;
        });
    }

    public async Task<int> RemindersAsync(long? followUpId, CancellationToken cancellationToken)
    {
        var plans = await reminders.PlanAsync(followUpId, cancellationToken);
        var written = await outbox.WriteAsync(plans, cancellationToken);
        await reminders.MarkRemindedAsync(plans, time.GetUtcNow(), cancellationToken);
        return written;
    }

    /// <summary>Queues the subscription's digest; false when the subscription no longer exists.</summary>
    public async Task<bool> DigestAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(d => d.Id == subscriptionId, cancellationToken);
        if (subscription is null)
            return false;
        if (await digests.PlanAsync(subscription, cancellationToken) is { } plan)
            await outbox.WriteAsync([plan], cancellationToken);
        return true;
    }

    /// <summary>Everything that would go out now, without writing or marking anything (for "jobs preview").</summary>
    public async Task<IReadOnlyList<PlannedMessage>> PreviewAsync(CancellationToken cancellationToken)
    {
        var plans = new List<PlannedMessage>();
        plans.AddRange(await nudges.PlanAsync(cancellationToken));
        plans.AddRange(await checkIns.PlanAsync(cancellationToken));
        plans.AddRange(await reminders.PlanAsync(null, cancellationToken));
        var now = time.GetUtcNow();
        foreach (var subscription in await db.DigestSubscriptions.ToListAsync(cancellationToken))
        {
            var local = TimeZoneInfo.ConvertTime(now, Reps.RepClock.ZoneOf(subscription.TimeZone, TimeZoneInfo.Utc));
            if (local.DayOfWeek == subscription.Day && local.Hour == subscription.Hour && await digests.PlanAsync(subscription, cancellationToken) is { } plan)
                plans.Add(plan);
        }
        return plans;
    }

    /// <summary>What is due now that no channel can deliver, with why (for "jobs preview").</summary>
    public Task<IReadOnlyList<HeldMessage>> HeldAsync(CancellationToken cancellationToken) => reminders.HeldAsync(cancellationToken);
}
