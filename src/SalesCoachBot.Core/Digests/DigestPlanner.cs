using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
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
public sealed class DigestPlanner(SalesCoachDbContext db, StalledDeals stalledDeals, StallThresholds thresholds, MetricsService metrics, TimeProvider time,
    Forecast.ManagerCharts charts)
{
    public async Task<PlannedMessage?> PlanAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var manager = await db.Reps.SingleAsync(r => r.Id == subscription.ManagerId, cancellationToken);
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
                $"{d.Name} ({d.Stage.DisplayName()}, {d.DaysSinceLastActivity(now)} days idle{(d.Value is { } v ? $", {v}" : "")})"))));
        }

        var zone = RepClock.ZoneOf(subscription.TimeZone, TimeZoneInfo.Utc);
        var week = await metrics.ComputeAsync("The week", [.. team.Select(r => r.Id)], now.AddDays(-7), now, zone, cancellationToken);
        var day = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (from, to) = Forecast.ForecastPhrases.Range(Forecast.ForecastPeriod.NextThreeMonths, today);
        var chart = await charts.BuildAsync(await Forecast.ForecastScope.TeamAsync(db, manager, cancellationToken), today, from, to, cancellationToken);
        var reply = new Reply(atRisk.Count == 0
            ? "No stalled deals in the team this week."
            : $"{atRisk.Count} stalled deal{(atRisk.Count == 1 ? "" : "s")} across {facts.Count} rep{(facts.Count == 1 ? "" : "s")}, {Deals.DealReplies.Totals(atRisk)} at risk.")
        {
            Title = "Stalled-deal digest",
            Facts = facts,
            Notes = [$"This week: {MetricsText.Summary(week)}", StallRules(await thresholds.ForTeamAsync([.. team.Select(r => r.Id)], cancellationToken))],
            Chart = chart,
        };
        return new PlannedMessage($"digest:{subscription.Id}:{day}", MessageKind.Digest, null, subscription.ConversationId, subscription.Channel, subscription.Address, reply);
    }

    private static string StallRules(IReadOnlyDictionary<DealStage, StallThreshold> rules)
    {
        var learned = rules.Values.Where(r => r.Learned).ToList();
        return learned.Count == 0
            ? "Stalled means idle longer than each stage's default in dialogs/stages.yaml."
            : "Stalled means idle longer than your team's won deals took: " + string.Join(", ", learned.Select(r => $"{r.Stage.DisplayName()} {r.Days} days ({r.WonDealsMeasured} deals)")) + "; other stages use the defaults.";
    }
}
