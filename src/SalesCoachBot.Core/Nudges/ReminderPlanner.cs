using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Languages;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Nudges;

/// <summary>
/// Follow-up reminders: a next step logged with a date reminds the rep once, on that morning, with the deal
/// and the note. One missed while the bot was down goes out later, saying when it was due, for up to a
/// week; none goes out for a deal already won or lost or a step already done, and a next step logged twice reminds once.
/// </summary>
public sealed class ReminderPlanner(SalesCoachDbContext db, SalesContent content, RepClockFactory clocks, SchedulerSettings settings)
{
    public const int MaxDaysLate = 7;

    /// <summary>The moment to remind: the start of the rep's working day on the due date.</summary>
    public DateTimeOffset RemindAt(Rep rep, DateOnly dueOn) => clocks.For(rep).ToInstant(dueOn.ToDateTime(settings.WorkdayStart));

    /// <summary>
    /// Follow-ups that may still be reminded: not reminded yet, on an open deal, not a copy of an earlier one, and
    /// due at most a week ago (by the UTC day, with a day to spare; each rep's own day is checked when planning).
    /// </summary>
    public IQueryable<FollowUp> Pending()
    {
        var oldest = DateOnly.FromDateTime(clocks.UtcNow.UtcDateTime).AddDays(-MaxDaysLate - 1);
        return db.FollowUps.Where(f => f.RemindedAt == null && f.DueOn >= oldest
            && db.Deals.Where(Deal.IsOpen).Any(d => d.Id == f.DealId)
            && !db.FollowUps.Any(o => o.DealId == f.DealId && o.DueOn == f.DueOn && o.Note.ToLower() == f.Note.ToLower() && o.Id < f.Id));
    }

    /// <summary>Reminders due by now and not yet sent; one follow-up only when <paramref name="followUpId"/> is given.</summary>
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(long? followUpId, CancellationToken cancellationToken) =>
        [.. (await DueAsync(followUpId, cancellationToken)).Select(d => d.Plan).OfType<PlannedMessage>()];

    /// <summary>Reminders due by now that no channel can deliver, and why: shown by a preview, kept until the rep can be reached.</summary>
    public async Task<IReadOnlyList<HeldMessage>> HeldAsync(CancellationToken cancellationToken)
    {
        var held = (await DueAsync(null, cancellationToken)).Where(d => d.Plan is null).ToList();
        var why = await Recipients.WhyUnreachableAsync(db, [.. held.Select(d => d.Rep.Id).Distinct()], cancellationToken);
        return [.. held.Select(d => new HeldMessage(MessageKind.Reminder, d.Rep.DisplayName, why[d.Rep.Id], d.Reply))];
    }

    /// <summary>The reminders due by now, each planned for the rep's channel, or not when none can reach them.</summary>
    private async Task<List<(Rep Rep, Reply Reply, PlannedMessage? Plan)>> DueAsync(long? followUpId, CancellationToken cancellationToken)
    {
        var reachable = await Recipients.ReachableAsync(db, cancellationToken);
        // Due today somewhere on earth at the latest; the rep's own morning is checked below.
        var latest = DateOnly.FromDateTime(clocks.UtcNow.UtcDateTime).AddDays(1);
        var candidates = await Pending().Where(f => f.DueOn <= latest && (followUpId == null || f.Id == followUpId))
            .ToListAsync(cancellationToken);
        var repIds = candidates.Select(f => f.RepId).Distinct().ToList();
        var dealIds = candidates.Select(f => f.DealId).Distinct().ToList();
        var reps = await db.Reps.Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var deals = await db.Deals.Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var due = new List<(Rep, Reply, PlannedMessage?)>();
        foreach (var followUp in candidates)
        {
            var rep = reps[followUp.RepId];
            var clock = clocks.For(rep);
            var deal = deals[followUp.DealId];
            if (clock.UtcNow < RemindAt(rep, followUp.DueOn) || followUp.DueOn < clock.Today.AddDays(-MaxDaysLate) || NextSteps.IsDone(followUp, deal.LastActivityAt))
                continue;
            var reply = Reminder(followUp, deal, clock, rep.Language ?? Language.English);
            due.Add((rep, reply, reachable.TryGetValue(rep.Id, out var account)
                ? new PlannedMessage($"reminder:{followUp.Id}", MessageKind.Reminder, rep.Id, rep.DisplayName, account.Channel, account.Address!, reply)
                : null));
        }
        return due;
    }

    private Reply Reminder(FollowUp followUp, Deal deal, RepClock clock, Language language)
    {
        string Say(string key, params (string, string)[] values) => content.Replies.Say(language, key, values);
        var note = NextSteps.Clean(followUp.Note);
        return new(followUp.DueOn == clock.Today
            ? Say(ReplyKeys.ReminderToday, ("deal", deal.Name), ("note", note))
            : Say(ReplyKeys.ReminderDue, ("deal", deal.Name), ("date", Written.Date(followUp.DueOn, clock, language)), ("note", note)))
        {
            Title = Say(ReplyKeys.ReminderTitle),
            Facts = followUp.DueAt is { } at ? [new(Say(ReplyKeys.ReminderFactWhen), Written.Moment(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime, clock, language))] : [],
            Buttons = [new(Say(ReplyKeys.ReminderButtonLog), $"log call with {deal.Name}"), new(Say(ReplyKeys.NudgeButtonSnooze3Days), $"snooze {deal.Name} 3 days")],
        };
    }

    /// <summary>Whether reminders can reach the rep now, so the bot promises only what will happen.</summary>
    public Task<bool> CanRemindAsync(Rep rep, CancellationToken cancellationToken) => Recipients.CanReachAsync(db, rep.Id, cancellationToken);

    public async Task MarkRemindedAsync(IEnumerable<PlannedMessage> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = plans.Select(p => long.Parse(p.Key["reminder:".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await db.FollowUps.Where(f => ids.Contains(f.Id)).ExecuteUpdateAsync(f => f.SetProperty(x => x.RemindedAt, now), cancellationToken);
    }
}
