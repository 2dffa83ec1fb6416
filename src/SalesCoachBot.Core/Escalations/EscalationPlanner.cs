using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
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
public sealed class EscalationPlanner(SalesCoachDbContext db, SalesContent content, StalledDeals stalledDeals, RepClockFactory clocks, SchedulerSettings settings, TimeProvider time)
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
                ToManager(rep, deal, idle, rule, lastTouch.GetValueOrDefault(deal.Id), [.. nudges[deal.Id].Order()], clocks.For(manager), manager.Language ?? Language.English)));
            if (reachable.TryGetValue(rep.Id, out var repAccount))
                plans.Add(new PlannedMessage($"escalation-notice:{stretch}", MessageKind.Escalation, rep.Id, rep.DisplayName, repAccount.Channel, repAccount.Address!,
                    ToRep(deal, idle, rule, manager, rep.Language ?? Language.English)));
        }
        return plans;
    }

    private Reply ToRep(Deal deal, int idle, StallThreshold rule, Rep manager, Language language)
    {
        string Say(string key, params (string, string)[] values) => content.Replies.Say(language, key, values);
        return new(Say(ReplyKeys.EscalationNotice, ("deal", deal.Name), ("days", $"{idle}"), ("times", settings.EscalateAfter.ToString("0.#", CultureInfo.InvariantCulture)),
            ("stage", content.Replies.Stage(language, deal.Stage)), ("limit", $"{rule.Days}"), ("manager", manager.DisplayName)))
        {
            Title = Say(ReplyKeys.EscalationNoticeTitle, ("deal", deal.Name)),
            Buttons = [new(Say(ReplyKeys.NudgeButtonLog), $"log call with {deal.Name}"), new(Say(ReplyKeys.NudgeButtonSnooze1Week), $"snooze {deal.Name} 1 week"),
                new(Say(ReplyKeys.NudgeButtonMarkLost), $"move {deal.Name} to lost")],
        };
    }

    private Reply ToManager(Rep rep, Deal deal, int idle, StallThreshold rule, Interactions.Interaction? last, List<DateTimeOffset> nudged, RepClock clock, Language language)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        var facts = new List<Fact>
        {
            new(Say(ReplyKeys.EscalationFactRep), rep.Email is { } email ? $"{rep.DisplayName} ({email})" : rep.DisplayName),
            new(Say(ReplyKeys.FactStage), Say(ReplyKeys.EscalationStage, ("stage", say.Stage(language, deal.Stage)), ("limit", $"{rule.Days}"), ("source", NudgePlanner.Source(rule, language, say)))),
            new(Say(ReplyKeys.EscalationFactIdle), Say(ReplyKeys.EscalationDays, ("days", $"{idle}"))),
            new(Say(ReplyKeys.EscalationFactLastActivity), last is null ? Say(ReplyKeys.EscalationLastNone)
                : Say(ReplyKeys.EscalationLast(last.Kind), ("day", Day(last.OccurredAt, clock, language)), ("summary", last.Summary))),
            new(Say(ReplyKeys.EscalationFactNudgesSent), nudged.Count == 0 ? Say(ReplyKeys.EscalationNudgesNone) : $"{nudged.Count}: " + string.Join(", ", nudged.Select(n => Day(n, clock, language)))),
        };
        if (deal.Value is { } value)
            facts.Insert(1, new(Say(ReplyKeys.FactAmount), Written.Money(value, language)));
        return new(Say(ReplyKeys.EscalationText, ("deal", deal.Name), ("rep", rep.DisplayName), ("days", $"{idle}")))
        {
            Title = Say(ReplyKeys.EscalationTitle, ("deal", deal.Name)),
            Facts = facts,
            Buttons = [new(Say(ReplyKeys.EscalationButtonTeamPipeline), "team pipeline"), new(Say(ReplyKeys.EscalationButtonHowIs, ("rep", rep.DisplayName)), $"how is {rep.Email ?? rep.DisplayName} doing?")],
        };
    }

    // A day as managers of the language write it: "Tue 31 Mar", "Sel, 31 Mar".
    private static string Day(DateTimeOffset at, RepClock clock, Language language) => TimeZoneInfo.ConvertTime(at, clock.Zone) is var local && language == Language.Indonesian
        ? Written.Date(DateOnly.FromDateTime(local.DateTime), clock, language)
        : local.ToString("ddd d MMM", CultureInfo.InvariantCulture);
}
