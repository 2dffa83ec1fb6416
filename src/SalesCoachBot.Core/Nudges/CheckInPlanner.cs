using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Goals;
using SalesCoachBot.Languages;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Nudges;

/// <summary>
/// The weekly check-in (default Monday 09:00 rep-local): last week's wins by name, activity, goal
/// progress or a nudge to set one, and a motivation line that fits how the week went. A check-in
/// missed while the bot was down is sent once, later that week.
/// </summary>
public sealed class CheckInPlanner(SalesCoachDbContext db, SalesContent content, RepClockFactory clocks, SchedulerSettings settings, GoalService goals)
{
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        var reachable = await Recipients.ReachableAsync(db, cancellationToken);
        var reps = await db.Reps.Where(r => reachable.Keys.Contains(r.Id)).ToListAsync(cancellationToken);
        var plans = new List<PlannedMessage>();
        foreach (var rep in reps)
        {
            var clock = clocks.For(rep);
            var due = DueMoment(clock);
            // Not before its moment, once a week, and not for a week the rep joined after its moment.
            if (clock.LocalNow < due || rep.CreatedAt > clock.ToInstant(due) || (rep.LastCheckInAt is { } last && last >= clock.ToInstant(due)))
                continue;
            var account = reachable[rep.Id];
            var week = DateOnly.FromDateTime(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            plans.Add(new PlannedMessage($"checkin:{rep.Id}:{week}", MessageKind.CheckIn, rep.Id, rep.DisplayName, account.Channel, account.Address!,
                await ComposeAsync(rep, clock, DateOnly.FromDateTime(due), cancellationToken)));
        }
        return plans;
    }

    public async Task MarkSentAsync(IEnumerable<PlannedMessage> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = plans.Select(p => p.RepId).ToHashSet();
        await db.Reps.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(r => r.SetProperty(x => x.LastCheckInAt, now), cancellationToken);
    }

    // This week's check-in moment, rep-local: the configured weekday and time on or before today.
    private DateTime DueMoment(RepClock clock)
    {
        var today = clock.Today;
        var back = ((int)today.DayOfWeek - (int)settings.CheckInDay + 7) % 7;
        return today.AddDays(-back).ToDateTime(settings.CheckInTime);
    }

    private async Task<Reply> ComposeAsync(Rep rep, RepClock clock, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var from = clock.ToInstant(weekStart.AddDays(-7).ToDateTime(TimeOnly.MinValue));
        var until = clock.ToInstant(weekStart.ToDateTime(TimeOnly.MinValue));
        var closed = await db.Deals.Where(d => d.OwnerId == rep.Id && d.ClosedAt >= from && d.ClosedAt < until).ToListAsync(cancellationToken);
        var wins = closed.Where(d => d.Stage == DealStage.Won).Select(d => d.Name).ToList();
        var activities = await db.Interactions.CountAsync(i => i.RepId == rep.Id && i.OccurredAt >= from && i.OccurredAt < until, cancellationToken);
        return Compose(rep.Language ?? Language.English, wins, closed.Count - wins.Count, activities, await goals.ProgressAsync(rep, clock, cancellationToken), (int)rep.Id + weekStart.DayNumber);
    }

    private Reply Compose(Language language, List<string> wins, int lost, int activities, IReadOnlyList<GoalProgress> progress, int seed)
    {
        var phrasing = content.Phrasing.In(language);
        string Say(string key, params (string, string)[] values) => content.Replies.Say(language, key, values);
        var opening = wins.Count > 0
            ? Phrasing.Fill(Phrasing.Pick(phrasing.CheckIns["goodWeek"], seed), new Dictionary<string, string> { ["wins"] = Names(wins, Say(ReplyKeys.CheckinAnd)) })
            : Phrasing.Pick(phrasing.CheckIns[activities >= 5 && lost == 0 ? "steadyWeek" : "roughWeek"], seed);
        var facts = new List<Fact> { new(Say(ReplyKeys.CheckinFactLastWeek), Say(activities == 1 ? ReplyKeys.CheckinLastWeekOne : ReplyKeys.CheckinLastWeekMany,
            ("count", $"{activities}"), ("won", $"{wins.Count}"), ("lost", $"{lost}"))) };
        facts.AddRange(progress.Select(GoalCommands.Fact));
        // A suggestion shows in the rep's language and sends the goal as goals.yaml writes it, which the bot reads.
        var buttons = progress.Count == 0
            ? phrasing.GoalSuggestions.Zip(content.Phrasing.GoalSuggestions, (shown, sent) => new ReplyButton(shown, $"my goal: {sent}")).ToList()
            : [new ReplyButton(Say(ReplyKeys.ButtonMyPipeline), "my pipeline")];
        var notes = new List<string> { Phrasing.Pick(phrasing.CheckIns["motivation"], seed) };
        if (progress.Count == 0)
            notes.Insert(0, Phrasing.Pick(phrasing.NoGoal, seed));
        return new Reply(opening) { Title = Say(ReplyKeys.CheckinTitle), Facts = facts, Notes = notes, Buttons = buttons };
    }

    private static string Names(List<string> names, string and) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + $" {and} " + names[^1];
}
