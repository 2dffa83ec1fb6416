using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Metrics;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Digests;

/// <summary>
/// A manager's stalled-deal digest: stalled deals of their team grouped by rep (deal, stage, days idle,
/// amount), the total amount at risk, and the week's win rate, average deal size, time to close and
/// pipeline velocity.
/// </summary>
public sealed class DigestPlanner(SalesCoachDbContext db, SalesContent content, StalledDeals stalledDeals, StallThresholds thresholds, MetricsService metrics, TimeProvider time,
    Forecast.ManagerCharts charts)
{
    public async Task<PlannedMessage?> PlanAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var manager = await db.Reps.SingleAsync(r => r.Id == subscription.ManagerId, cancellationToken);
        var language = manager.Language ?? Language.English;
        string Say(string key, params (string, string)[] values) => content.Replies.Say(language, key, values);
        var team = await db.TeamOf(manager.Id).AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var facts = new List<Fact>();
        var atRisk = new List<Deal>();
        var stalledByRep = await stalledDeals.ReadAsync(team, forNudge: false, cancellationToken);
        var details = await stalledDeals.DetailsAsync(stalledByRep.SelectMany(r => r.Deals.Select(d => d.Id)), cancellationToken);
        foreach (var (rep, _, _, open) in stalledByRep)
        {
            var stalled = StalledDeals.StillThere(details, open).ToList();
            if (stalled.Count == 0)
                continue;
            atRisk.AddRange(stalled);
            facts.Add(new Fact(rep.DisplayName, string.Join("; ", stalled.Select(d =>
                $"{d.Name} ({Say(ReplyKeys.DigestDeal, ("stage", content.Replies.Stage(language, d.Stage)), ("days", $"{d.DaysSinceLastActivity(now)}"))}{(d.Value is { } v ? $", {Written.Money(v, language)}" : "")})"))));
        }

        var zone = RepClock.ZoneOf(subscription.TimeZone, TimeZoneInfo.Utc);
        var week = await metrics.ComputeAsync("The week", [.. team.Select(r => r.Id)], now.AddDays(-7), now, zone, cancellationToken);
        var day = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (from, to) = Forecast.ForecastPhrases.Range(Forecast.ForecastPeriod.NextThreeMonths, today);
        var chart = await charts.BuildAsync(await Forecast.ForecastScope.TeamAsync(db, manager, cancellationToken), today, from, to, cancellationToken);
        var reply = new Reply(atRisk.Count == 0
            ? Say(ReplyKeys.DigestNone)
            : Say(ReplyKeys.DigestSummary, ("deals", Say(atRisk.Count == 1 ? ReplyKeys.DigestDealsOne : ReplyKeys.DigestDealsMany, ("count", $"{atRisk.Count}"))),
                ("reps", Say(facts.Count == 1 ? ReplyKeys.DigestRepsOne : ReplyKeys.DigestRepsMany, ("count", $"{facts.Count}"))), ("total", Totals(atRisk, language))))
        {
            Title = Say(ReplyKeys.DigestTitle),
            Facts = facts,
            Notes = [Say(ReplyKeys.DigestThisWeek, ("metrics", MetricsText.Summary(week))), StallRules(await thresholds.ForTeamAsync([.. team.Select(r => r.Id)], cancellationToken), language)],
            Chart = chart,
        };
        return new PlannedMessage($"digest:{subscription.Id}:{day}", MessageKind.Digest, null, subscription.ConversationId, subscription.Channel, subscription.Address, reply);
    }

    private string StallRules(IReadOnlyDictionary<DealStage, StallThreshold> rules, Language language)
    {
        var learned = rules.Values.Where(r => r.Learned).ToList();
        return learned.Count == 0
            ? content.Replies.Say(language, ReplyKeys.DigestRulesDefault)
            : content.Replies.Say(language, ReplyKeys.DigestRulesLearned, ("rules", string.Join(", ", learned.Select(r => content.Replies.Say(language, ReplyKeys.DigestRule,
                ("stage", content.Replies.Stage(language, r.Stage)), ("days", $"{r.Days}"), ("count", $"{r.WonDealsMeasured}"))))));
    }

    // The amount at risk, one sum a currency: "$45,000 + €2,000", "Rp 60.000.000 + USD 45.000".
    private string Totals(List<Deal> deals, Language language)
    {
        var totals = deals.Where(d => d.Value is not null).GroupBy(d => d.Currency!)
            .Select(g => Written.Money(new Money(g.Sum(d => d.Amount!.Value), g.Key), language)).ToList();
        return totals.Count > 0 ? string.Join(" + ", totals) : content.Replies.Say(language, ReplyKeys.DigestNoAmounts);
    }
}
