using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Nudges;

/// <summary>Follow-up reminders: a next step logged with a date reminds the rep on that morning, with the deal and the note.</summary>
public sealed class ReminderPlanner(SalesCoachDbContext db, RepClockFactory clocks, SchedulerSettings settings)
{
    /// <summary>The moment to remind: the start of the rep's working day on the due date.</summary>
    public DateTimeOffset RemindAt(Rep rep, DateOnly dueOn) => clocks.For(rep).ToInstant(dueOn.ToDateTime(settings.WorkdayStart));

    /// <summary>Reminders due by now and not yet sent; one follow-up only when <paramref name="followUpId"/> is given.</summary>
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(long? followUpId, CancellationToken cancellationToken)
    {
        var reachable = await Recipients.ReachableAsync(db, cancellationToken);
        var candidates = await db.FollowUps.Where(f => f.RemindedAt == null && (followUpId == null || f.Id == followUpId)).ToListAsync(cancellationToken);
        var plans = new List<PlannedMessage>();
        foreach (var followUp in candidates)
        {
            var rep = await db.Reps.SingleAsync(r => r.Id == followUp.RepId, cancellationToken);
            var clock = clocks.For(rep);
            if (clock.UtcNow < RemindAt(rep, followUp.DueOn) || !reachable.TryGetValue(rep.Id, out var account))
                continue;
            var deal = await db.Deals.SingleAsync(d => d.Id == followUp.DealId, cancellationToken);
            var reply = new Reply($"Today's next step on {deal.Name}: {followUp.Note}")
            {
                Title = "Follow-up reminder",
                Facts = followUp.DueAt is { } at ? [new("When", Dates.Describe(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime, clock, withTime: true))] : [],
                Buttons = [new("Log it", $"log call with {deal.Name}"), new("Snooze 3 days", $"snooze {deal.Name} 3 days")],
            };
            plans.Add(new PlannedMessage($"reminder:{followUp.Id}", "reminder", rep.Id, rep.DisplayName, account.Channel, account.Address!, reply));
        }
        return plans;
    }

    public async Task MarkRemindedAsync(IEnumerable<PlannedMessage> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = plans.Select(p => long.Parse(p.Key["reminder:".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await db.FollowUps.Where(f => ids.Contains(f.Id)).ExecuteUpdateAsync(f => f.SetProperty(x => x.RemindedAt, now), cancellationToken);
    }
}
