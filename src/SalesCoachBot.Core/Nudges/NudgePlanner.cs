using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Nudges;

/// <summary>
/// Finds stalled deals and plans nudges worth reading: a deal is stalled when idle longer than its
/// stage allows and no next step is scheduled; it is nudged again only after another such period or
/// when its snooze ends; a rep gets at most N nudges a day (the rest in one summary), only in their
/// working hours, in their time zone, never while they paused nudges.
/// </summary>
public sealed class NudgePlanner(SalesCoachDbContext db, SalesContent content, StallChecks stallChecks, RepClockFactory clocks, SchedulerSettings settings, TimeProvider time)
{
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reachable = await Outbox.Recipients.ReachableAsync(db, cancellationToken);
        var reps = await db.Reps.Where(r => reachable.Keys.Contains(r.Id)).ToListAsync(cancellationToken);
        var plans = new List<PlannedMessage>();
        foreach (var rep in reps.Where(r => r.NudgesPausedUntil is null || r.NudgesPausedUntil <= now))
        {
            var clock = clocks.For(rep);
            if (!settings.IsWorkingTime(clock.LocalNow))
                continue;
            var (stalled, stalls) = await StalledWithRulesAsync(rep, clock, forNudge: true, cancellationToken);
            var left = settings.MaxNudgesPerDay - await SentTodayAsync(rep, clock, cancellationToken);
            if (stalled.Count == 0 || left <= 0)
                continue;

            var account = reachable[rep.Id];
            var day = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var single = stalled.Count <= left ? stalled : stalled.Take(left - 1).ToList();
            plans.AddRange(single.Select(d => new PlannedMessage($"nudge:{d.Id}:{day}", MessageKind.Nudge, rep.Id, rep.DisplayName, account.Channel, account.Address!, Nudge(d, stalls.RuleFor(d.Stage), now))));
            if (single.Count < stalled.Count)
                plans.Add(new PlannedMessage($"nudge-summary:{rep.Id}:{day}", MessageKind.NudgeSummary, rep.Id, rep.DisplayName, account.Channel, account.Address!, Summary(stalled.Skip(single.Count).ToList(), now)));
        }
        return plans;
    }

    /// <summary>Records that the planned deals were nudged, so they rest for another threshold period.</summary>
    public async Task MarkNudgedAsync(IEnumerable<PlannedMessage> plans, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var repIds = plans.Select(p => p.RepId).ToHashSet();
        foreach (var rep in await db.Reps.Where(r => repIds.Contains(r.Id)).ToListAsync(cancellationToken))
            foreach (var deal in await StalledAsync(rep, clocks.For(rep), cancellationToken))
                deal.LastNudgedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stalled deals due a nudge: not snoozed, and not nudged within another threshold period.</summary>
    public async Task<List<Deal>> StalledAsync(Rep rep, RepClock clock, CancellationToken cancellationToken) =>
        await StalledAsync(rep, clock, forNudge: true, cancellationToken);

    /// <summary>Open deals idle longer than their stage allows with no next step scheduled.</summary>
    public async Task<List<Deal>> StalledAsync(Rep rep, RepClock clock, bool forNudge, CancellationToken cancellationToken) =>
        (await StalledWithRulesAsync(rep, clock, forNudge, cancellationToken)).Deals;

    private async Task<(List<Deal> Deals, StallCheck Rules)> StalledWithRulesAsync(Rep rep, RepClock clock, bool forNudge, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var open = await db.Deals.Where(d => d.OwnerId == rep.Id && d.Stage != DealStage.Won && d.Stage != DealStage.Lost).ToListAsync(cancellationToken);
        var stalls = await stallChecks.ForRepAsync(rep, clock, cancellationToken);
        List<Deal> stalled = [.. open.Where(d =>
            {
                var threshold = TimeSpan.FromDays(stalls.RuleFor(d.Stage).Days);
                return stalls.IsStalled(d) && (!forNudge ||
                       (d.SnoozedUntil is null || d.SnoozedUntil <= now)
                       && (d.LastNudgedAt is null || now - d.LastNudgedAt >= threshold || d.SnoozedUntil > d.LastNudgedAt));
            })
            .OrderByDescending(d => now - d.LastActivityAt)];
        return (stalled, stalls);
    }

    private async Task<int> SentTodayAsync(Rep rep, RepClock clock, CancellationToken cancellationToken)
    {
        var midnight = clock.ToInstant(clock.Today.ToDateTime(TimeOnly.MinValue));
        return await db.Outbox.CountAsync(m => m.RepId == rep.Id && (m.Kind == MessageKind.Nudge || m.Kind == MessageKind.NudgeSummary) && m.CreatedAt >= midnight, cancellationToken);
    }

    private Reply Nudge(Deal deal, StallThreshold rule, DateTimeOffset now)
    {
        var guide = content.For(deal.Stage);
        var idle = deal.DaysSinceLastActivity(now);
        var facts = new List<Fact> { new("Stage", deal.Stage.DisplayName()), new("Stalls after", $"{rule.Days} days ({rule.Source})") };
        if (deal.Value is { } value)
            facts.Add(new("Amount", value.ToString()));
        return new($"{rule.Explain(deal.Name, idle)} No next step is scheduled.")
        {
            Title = $"{deal.Name} has gone quiet",
            Facts = facts,
            Notes = [$"Next best action: {guide.NextBestAction}"],
            Buttons =
            [
                new("Log activity", $"log call with {deal.Name}"),
                new("Snooze 3 days", $"snooze {deal.Name} 3 days"),
                new("Snooze 1 week", $"snooze {deal.Name} 1 week"),
                new("Mark lost", $"move {deal.Name} to lost"),
                new("Tip for this stage", $"stage tips for {deal.Name}"),
            ],
        };
    }

    private static Reply Summary(List<Deal> deals, DateTimeOffset now) =>
        new($"{deals.Count} more deal{(deals.Count == 1 ? " has" : "s have")} gone quiet. Pick one to move today:")
        {
            Title = "More stalled deals",
            Facts = [.. deals.Select(d => new Fact(d.Name, $"{d.Stage.DisplayName()} · {d.DaysSinceLastActivity(now)} days idle" + (d.Value is { } v ? $" · {v}" : "")))],
            Buttons = [new("My pipeline", "my pipeline")],
        };
}
