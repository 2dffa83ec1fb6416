using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.TeamViews;

/// <summary>"team pipeline": each rep's open deals by stage, and what is stalled (the amount at risk).</summary>
public sealed class TeamPipelineCommands(SalesCoachDbContext db, SalesTeamRules rules, StallChecks stallChecks, TimeProvider time)
{
    public async Task<Reply> ShowAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        if (await TeamScope.OfAsync(db, rules, turn.Rep, cancellationToken) is not { } team)
            return new(TeamScope.NotAManager);
        var ids = team.Ids;
        var open = await db.Deals.AsNoTracking().Where(Deal.IsOpen).Where(d => ids.Contains(d.OwnerId)).ToListAsync(cancellationToken);
        if (open.Count == 0)
            return new($"{team.Label} has no open deals.") { Title = "Team pipeline" };
        var stalls = await stallChecks.ForTeamAsync(ids, cancellationToken);
        var stalled = open.Where(stalls.IsStalled).ToList();
        var facts = team.Members.Where(r => open.Any(d => d.OwnerId == r.Id)).Select(rep =>
        {
            var deals = open.Where(d => d.OwnerId == rep.Id).ToList();
            var atRisk = deals.Where(stalls.IsStalled).ToList();
            var stages = string.Join(" · ", deals.GroupBy(d => d.Stage).OrderBy(g => g.Key).Select(g => $"{g.Key.DisplayName()} {g.Count()} ({DealReplies.Totals(g)})"));
            return new Fact(rep.DisplayName, stages + (atRisk.Count == 0 ? "" : $" — {atRisk.Count} stalled, {DealReplies.Totals(atRisk)} at risk"));
        }).ToList();
        return new($"{open.Count} open deal{(open.Count == 1 ? "" : "s")}, {DealReplies.Totals(open)}; {stalled.Count} stalled" + (stalled.Count == 0 ? "." : $", {DealReplies.Totals(stalled)} at risk."))
        {
            Title = $"Team pipeline ({team.Label.ToLowerInvariant()})",
            Facts = facts,
            Notes = stalled.Count == 0 ? [] : ["Stalled: " + string.Join("; ", stalled.OrderBy(d => d.LastActivityAt).Take(10).Select(d => $"{d.Name} ({d.Stage.DisplayName()}, {d.DaysSinceLastActivity(time.GetUtcNow())} days idle)"))],
            Buttons = [new("Forecast", "forecast"), new("Loss reasons this quarter", "loss reasons this quarter")],
        };
    }
}
