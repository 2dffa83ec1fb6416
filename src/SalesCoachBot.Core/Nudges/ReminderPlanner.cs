using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Interactions;
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
        // Due today somewhere on earth at the latest; the rep's own morning is checked below.
        var latest = DateOnly.FromDateTime(clocks.UtcNow.UtcDateTime).AddDays(1);
        var candidates = await db.FollowUps.Where(f => f.RemindedAt == null && f.DueOn <= latest && (followUpId == null || f.Id == followUpId))
            .ToListAsync(cancellationToken);
        var repIds = candidates.Select(f => f.RepId).Distinct().ToList();
        var dealIds = candidates.Select(f => f.DealId).Distinct().ToList();
        var reps = await db.Reps.Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var deals = await db.Deals.Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var plans = new List<PlannedMessage>();
        foreach (var followUp in candidates)
        {
            var rep = reps[followUp.RepId];
            var clock = clocks.For(rep);
            if (clock.UtcNow < RemindAt(rep, followUp.DueOn) || !reachable.TryGetValue(rep.Id, out var account))
                continue;
            var deal = deals[followUp.DealId];
            var reply = new Reply($"Today's next step on {deal.Name}: {NextSteps.Clean(followUp.Note)}")
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
