using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Nudges;

/// <summary>
/// Finds stalled deals and plans nudges worth reading: a deal is stalled when idle longer than its
/// stage allows and no next step is scheduled; it is nudged again only after another such period or
/// when its snooze ends; a rep gets at most N nudges a day (the rest in one summary), only in their
/// working hours, in their time zone, never while they paused nudges.
/// </summary>
public sealed class NudgePlanner(SalesCoachDbContext db, SalesContent content, StalledDeals stalledDeals, RepClockFactory clocks, SchedulerSettings settings, TimeProvider time)
{
    private const int RepsPerBatch = 500;
    private const int RepsPerWrite = 50;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        var plans = new List<PlannedMessage>();
        await foreach (var batch in PlanBatchesAsync(cancellationToken))
            plans.AddRange(batch.Messages);
        return plans;
    }

    /// <summary>The nudges due now, a few hundred reps at a time, so memory stays flat however large the team.</summary>
    public async IAsyncEnumerable<NudgeBatch> PlanBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reachable = await Outbox.Recipients.ReachableAsync(db, cancellationToken);
        var onDuty = (await db.Reps.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => reachable.ContainsKey(r.Id) && (r.NudgesPausedUntil is null || r.NudgesPausedUntil <= now) && settings.IsWorkingTime(clocks.For(r).LocalNow))
            .OrderBy(r => r.Id).ToList();
        if (onDuty.Count == 0)
            yield break;
        var sentToday = await SentTodayAsync(db, clocks, onDuty, cancellationToken);
        foreach (var reps in onDuty.Chunk(RepsPerBatch))
        {
            var due = new List<(Rep Rep, RepStalls Stalls, int Singles)>();
            foreach (var stalls in await stalledDeals.ReadAsync(reps, forNudge: true, cancellationToken))
            {
                var left = settings.MaxNudgesPerDay - sentToday.GetValueOrDefault(stalls.Rep.Id);
                if (stalls.Deals.Count == 0 || left <= 0)
                    continue;
                due.Add((stalls.Rep, stalls, stalls.Deals.Count <= left ? stalls.Deals.Count : left - 1));
            }
            // Names and amounts only for the deals the messages show: each single nudge, and the top of each summary.
            var shown = await stalledDeals.DetailsAsync(due.SelectMany(d => d.Stalls.Deals.Take(d.Singles + SummaryListsAtMost).Select(x => x.Id)), cancellationToken);
            // Written a few reps at a time: each write holds the database's one write lock, which chat turns wait for.
            foreach (var part in due.Chunk(RepsPerWrite))
            {
                var messages = new List<PlannedMessage>();
                foreach (var (rep, (_, clock, stalls, stalled), singles) in part)
                {
                    var account = reachable[rep.Id];
                    var day = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    messages.AddRange(StalledDeals.StillThere(shown, stalled.Take(singles)).Select(d => new PlannedMessage($"nudge:{d.Id}:{day}", MessageKind.Nudge, rep.Id, rep.DisplayName, account.Channel, account.Address!, Nudge(d, stalls.RuleFor(d.Stage), now, rep.Language ?? Language.English))));
                    if (singles < stalled.Count)
                        messages.Add(new PlannedMessage($"nudge-summary:{rep.Id}:{day}", MessageKind.NudgeSummary, rep.Id, rep.DisplayName, account.Channel, account.Address!,
                            Summary(stalled.Count - singles, [.. StalledDeals.StillThere(shown, stalled.Skip(singles).Take(SummaryListsAtMost))], now, rep.Language ?? Language.English)));
                }
                yield return new NudgeBatch(messages, [.. part.SelectMany(p => p.Stalls.Deals.Select(d => d.Id))]);
            }
        }
    }

    /// <summary>Records that these deals were nudged, so they rest for another threshold period.</summary>
    public async Task MarkNudgedAsync(IReadOnlyList<long> dealIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Deals.Where(d => dealIds.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastNudgedAt, now), cancellationToken); // one list parameter, however many
    }

    /// <summary>
    /// Nudges, summaries and after-sale check-ins each rep was already sent since their own midnight, in one query:
    /// the day's limit covers them all.
    /// </summary>
    internal static async Task<Dictionary<long, int>> SentTodayAsync(SalesCoachDbContext db, RepClockFactory clocks, IReadOnlyCollection<Rep> reps,
        CancellationToken cancellationToken)
    {
        if (reps.Count == 0)
            return [];
        var midnights = reps.ToDictionary(r => r.Id, r => clocks.For(r) is var clock ? clock.ToInstant(clock.Today.ToDateTime(TimeOnly.MinValue)) : default);
        var earliest = midnights.Values.Min();
        var sent = await db.Outbox.AsNoTracking()
            .Where(m => (m.Kind == MessageKind.Nudge || m.Kind == MessageKind.NudgeSummary || m.Kind == MessageKind.AfterSale) && m.CreatedAt >= earliest && m.RepId != null)
            .Select(m => new { RepId = m.RepId!.Value, m.CreatedAt }).ToListAsync(cancellationToken);
        return sent.Where(m => midnights.TryGetValue(m.RepId, out var midnight) && m.CreatedAt >= midnight)
            .CountBy(m => m.RepId).ToDictionary();
    }

    private Reply Nudge(Deal deal, StallThreshold rule, DateTimeOffset now, Language language)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        var stage = say.Stage(language, deal.Stage);
        var facts = new List<Fact> { new(Say(ReplyKeys.FactStage), stage), new(Say(ReplyKeys.NudgeFactStallsAfter), Say(ReplyKeys.NudgeStallsAfter, ("days", $"{rule.Days}"), ("source", Source(rule, language, say)))) };
        if (deal.Value is { } value)
            facts.Add(new(Say(ReplyKeys.FactAmount), Written.Money(value, language)));
        return new(Say(rule.Learned ? ReplyKeys.NudgeTextLearned : ReplyKeys.NudgeTextDefault,
            ("deal", deal.Name), ("stage", stage), ("days", $"{deal.DaysSinceLastActivity(now)}"), ("limit", $"{rule.Days}")))
        {
            Title = Say(ReplyKeys.NudgeTitle, ("deal", deal.Name)),
            Facts = facts,
            Notes = [Say(ReplyKeys.NoteNextBestAction, ("action", content.For(deal.Stage).In(language).NextBestAction))],
            Buttons =
            [
                new(Say(ReplyKeys.NudgeButtonLog), $"log call with {deal.Name}"),
                new(Say(ReplyKeys.NudgeButtonSnooze3Days), $"snooze {deal.Name} 3 days"),
                new(Say(ReplyKeys.NudgeButtonSnooze1Week), $"snooze {deal.Name} 1 week"),
                new(Say(ReplyKeys.NudgeButtonMarkLost), $"move {deal.Name} to lost"),
                new(Say(ReplyKeys.NudgeButtonTip), $"stage tips for {deal.Name}"),
            ],
        };
    }

    /// <summary>Where a stage's stall threshold comes from: the team's won deals, or <c>stages.yaml</c>.</summary>
    public static string Source(StallThreshold rule, Language language, ReplyCatalog say) => rule.Learned
        ? say.Say(language, ReplyKeys.NudgeSourceLearned, ("count", $"{rule.WonDealsMeasured}"))
        : say.Say(language, ReplyKeys.NudgeSourceDefault);

    /// <summary>How many deals a summary lists (the longest idle); a longer list is not read, and the rest are one command away.</summary>
    public const int SummaryListsAtMost = 10;

    private Reply Summary(int count, List<Deal> listed, DateTimeOffset now, Language language)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        return new(Say(count == 1 ? ReplyKeys.NudgeSummaryOne : ReplyKeys.NudgeSummaryMany, ("count", $"{count}")))
        {
            Title = Say(ReplyKeys.NudgeSummaryTitle),
            Facts = [.. listed.Select(d => new Fact(d.Name, Say(ReplyKeys.NudgeSummaryDeal, ("stage", say.Stage(language, d.Stage)), ("days", $"{d.DaysSinceLastActivity(now)}"))
                + (d.Value is { } v ? $" · {Written.Money(v, language)}" : "")))],
            Notes = count > listed.Count ? [Say(ReplyKeys.NudgeSummaryMore, ("count", $"{count - listed.Count}"))] : [],
            Buttons = [new(Say(ReplyKeys.NudgeButtonStalledDeals), "stalled deals"), new(Say(ReplyKeys.ButtonMyPipeline), "my pipeline")],
        };
    }
}
