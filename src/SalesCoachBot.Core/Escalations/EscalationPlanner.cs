using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Escalations;

/// <summary>
/// A deal stalled beyond <see cref="SchedulerSettings.EscalateAfter"/> times its stage's threshold is raised to its rep's
/// manager, once per idle stretch (the outbox key holds the deal and its last activity), in a direct message in the
/// manager's working hours; the rep is told. Snoozed deals and reps who paused nudges are left alone.
/// </summary>
public sealed class EscalationPlanner(SalesCoachDbContext db, StalledDeals stalledDeals, RepClockFactory clocks, SchedulerSettings settings, TimeProvider time)
{
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reachable = await Recipients.ReachableAsync(db, cancellationToken);
        var reps = await db.Reps.AsNoTracking().Where(r => r.ManagerId != null && r.ManagerId != r.Id && (r.NudgesPausedUntil == null || r.NudgesPausedUntil <= now))
            .ToListAsync(cancellationToken);
        var managerIds = reps.Select(r => r.ManagerId!.Value).Distinct().ToList();
        var managers = (await db.Reps.AsNoTracking().Where(r => managerIds.Contains(r.Id)).ToListAsync(cancellationToken))
            .Where(m => reachable.ContainsKey(m.Id) && settings.IsWorkingTime(clocks.For(m).LocalNow)).ToDictionary(m => m.Id);
        reps = [.. reps.Where(r => managers.ContainsKey(r.ManagerId!.Value))];

        var due = new List<(Rep Rep, OpenDeal Deal, StallThreshold Rule)>();
        foreach (var (rep, _, stalls, stalled) in await stalledDeals.ReadAsync(reps, forNudge: false, cancellationToken))
            foreach (var deal in stalled.Where(d => d.SnoozedUntil is null || d.SnoozedUntil <= now))
                if (stalls.RuleFor(deal.Stage) is var rule && now - deal.LastActivityAt > TimeSpan.FromDays(rule.Days * settings.EscalateAfter))
                    due.Add((rep, deal, rule));
        if (due.Count == 0)
            return [];

        var details = await stalledDeals.DetailsAsync(due.Select(d => d.Deal.Id), cancellationToken);
        var ids = details.Keys.ToList();
        var lastTouch = (await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.DealId)).ToListAsync(cancellationToken))
            .GroupBy(i => i.DealId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.OccurredAt)!);
        var nudges = (await db.Outbox.AsNoTracking().Where(m => m.Kind == MessageKind.Nudge && m.SentAt != null && m.RepId != null && reps.Select(r => r.Id).Contains(m.RepId.Value))
                .Select(m => new { m.Key, m.SentAt }).ToListAsync(cancellationToken))
            .Select(m => (DealId: long.Parse(m.Key.Split(':')[1], CultureInfo.InvariantCulture), SentAt: m.SentAt!.Value)).ToLookup(m => m.DealId, m => m.SentAt);

        var plans = new List<PlannedMessage>();
        foreach (var (rep, open, rule) in due)
        {
            if (!details.TryGetValue(open.Id, out var deal))
                continue;
            var manager = managers[rep.ManagerId!.Value];
            var stretch = $"{deal.Id}:{deal.LastActivityAt.UtcTicks}";
            var idle = deal.DaysSinceLastActivity(now);
            var account = reachable[manager.Id];
            plans.Add(new PlannedMessage($"escalation:{stretch}", MessageKind.Escalation, manager.Id, manager.DisplayName, account.Channel, account.Address!,
                ToManager(rep, deal, idle, rule, lastTouch.GetValueOrDefault(deal.Id), [.. nudges[deal.Id].Order()], clocks.For(manager))));
            if (reachable.TryGetValue(rep.Id, out var repAccount))
                plans.Add(new PlannedMessage($"escalation-notice:{stretch}", MessageKind.Escalation, rep.Id, rep.DisplayName, repAccount.Channel, repAccount.Address!,
                    new Reply($"{deal.Name} has been idle for {idle} days, over {settings.EscalateAfter:0.#} times what {deal.Stage.DisplayName()} allows ({rule.Days} days), so I told {manager.DisplayName}.")
                    {
                        Title = $"{deal.Name} was escalated",
                        Buttons = [new("Log activity", $"log call with {deal.Name}"), new("Snooze 1 week", $"snooze {deal.Name} 1 week"), new("Mark lost", $"move {deal.Name} to lost")],
                    }));
        }
        return plans;
    }

    private static Reply ToManager(Rep rep, Deal deal, int idle, StallThreshold rule, Interactions.Interaction? last, List<DateTimeOffset> nudged, RepClock clock)
    {
        var facts = new List<Fact>
        {
            new("Rep", rep.Email is { } email ? $"{rep.DisplayName} ({email})" : rep.DisplayName),
            new("Stage", $"{deal.Stage.DisplayName()} (stalls after {rule.Days} days, {rule.Source})"),
            new("Idle", $"{idle} days"),
            new("Last activity", last is null ? "none logged" : $"{last.Kind.ToString().ToLowerInvariant()} on {Day(last.OccurredAt, clock)}: {last.Summary}"),
            new("Nudges sent", nudged.Count == 0 ? "none yet" : $"{nudged.Count}: " + string.Join(", ", nudged.Select(n => Day(n, clock)))),
        };
        if (deal.Value is { } value)
            facts.Insert(1, new("Amount", value.ToString()));
        return new($"{deal.Name} ({rep.DisplayName}'s) has gone quiet for {idle} days. A word from you may move it.")
        {
            Title = $"Escalation: {deal.Name}",
            Facts = facts,
            Buttons = [new("Team pipeline", "team pipeline"), new($"How is {rep.DisplayName} doing?", $"how is {rep.Email ?? rep.DisplayName} doing?")],
        };
    }

    private static string Day(DateTimeOffset at, RepClock clock) =>
        TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("ddd d MMM", CultureInfo.InvariantCulture);
}
