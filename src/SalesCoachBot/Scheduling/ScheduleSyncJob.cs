using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// Keeps Quartz's triggers in step with the database, the source of truth: a one-shot trigger for every
/// follow-up still to remind, a weekly trigger for every digest subscription (in the manager's time
/// zone), none for what is gone. Runs at start, every ten minutes, and when chat changes a schedule.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduleSyncJob(SalesCoachDbContext db, ReminderPlanner reminders, TimeProvider time) : IJob
{
    public const string RemindersGroup = "reminders";
    public const string DigestsGroup = "digests";

    public static readonly JobKey Key = new("schedule-sync");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await SyncRemindersAsync(context.Scheduler, cancellationToken);
        await SyncDigestsAsync(context.Scheduler, cancellationToken);
    }

    private async Task SyncRemindersAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var pending = await reminders.Pending().ToListAsync(cancellationToken);
        var reps = await db.Reps.Where(r => pending.Select(f => f.RepId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var followUp in pending)
        {
            var key = new TriggerKey($"follow-up-{followUp.Id}", RemindersGroup);
            if (await scheduler.Exists(key, cancellationToken))
                continue;
            var at = reminders.RemindAt(reps[followUp.RepId], followUp.DueOn);
            await scheduler.ScheduleJob(TriggerBuilder.Create(time).WithIdentity(key).ForJob(FollowUpReminderJob.Key)
                .UsingJobData(FollowUpReminderJob.FollowUpIdKey, followUp.Id)
                .StartAt(at > time.GetUtcNow() ? at : time.GetUtcNow())
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(), default, cancellationToken);
        }
    }

    private async Task SyncDigestsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        // A stopped digest's trigger removes itself the next time it fires (DigestJob).
        var subscriptions = await db.DigestSubscriptions.ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            var key = new TriggerKey($"digest-{subscription.Id}", DigestsGroup);
            var cron = string.Create(CultureInfo.InvariantCulture, $"0 0 {subscription.Hour} ? * {subscription.Day.ToString()[..3].ToUpperInvariant()}");
            var zone = Reps.RepClock.ZoneOf(subscription.TimeZone, TimeZoneInfo.Utc);
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing && existing.CronExpressionString == cron && existing.TimeZone.Id == zone.Id)
                continue;
            var trigger = TriggerBuilder.Create(time).WithIdentity(key).ForJob(DigestJob.Key)
                .UsingJobData(DigestJob.SubscriptionIdKey, subscription.Id)
                .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            if (await scheduler.Exists(key, cancellationToken))
                await scheduler.RescheduleJob(key, trigger, cancellationToken);
            else
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
    }
}
