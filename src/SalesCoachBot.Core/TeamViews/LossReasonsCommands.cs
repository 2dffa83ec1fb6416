using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Goals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.SalesTeams;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.TeamViews;

/// <summary>"loss reasons this quarter": the team's lost deals under the fixed reasons, with amounts and the reps' own words.</summary>
public sealed class LossReasonsCommands(SalesCoachDbContext db, SalesTeamRules rules)
{
    public async Task<Reply> ShowAsync(RepTurn turn, LossReasonsIntent intent, CancellationToken cancellationToken)
    {
        if (await TeamScope.OfAsync(db, rules, turn.Rep, cancellationToken) is not { } team)
            return new(TeamScope.NotAManager);
        var (start, end) = GoalPeriods.Containing(intent.Period, turn.Clock.Today);
        if (intent.Previous)
            (start, end) = GoalPeriods.Containing(intent.Period, start.AddDays(-1));
        var (from, until) = (turn.Clock.ToInstant(start.ToDateTime(TimeOnly.MinValue)), turn.Clock.ToInstant(end.ToDateTime(TimeOnly.MinValue)));
        var ids = team.Ids;
        var lost = await db.Deals.AsNoTracking().Where(d => d.Stage == DealStage.Lost && d.ClosedAt >= from && d.ClosedAt < until && ids.Contains(d.OwnerId))
            .ToListAsync(cancellationToken);
        var period = $"{(intent.Previous ? "last" : "this")} {intent.Period.ToString().ToLowerInvariant()}";
        if (lost.Count == 0)
            return new($"No deals lost {period}.") { Title = "Loss reasons" };
        var byReason = lost.Select(d => (Deal: d, Reason: Split(d.CloseReason))).GroupBy(l => l.Reason.Fixed)
            .OrderByDescending(g => g.Count()).ThenBy(g => Array.IndexOf(CloseReasonDialog.LostReasons, g.Key)).ToList();
        return new($"{lost.Count} deal{(lost.Count == 1 ? "" : "s")} lost {period}, {DealReplies.Totals(lost)}.")
        {
            Title = $"Loss reasons, {period}",
            Facts = [.. byReason.Select(g => new Fact(g.Key, $"{g.Count()} ({DealReplies.Totals(g.Select(l => l.Deal))})"
                + (g.Any(l => l.Reason.Words is not null) ? ": " + string.Join("; ", g.Where(l => l.Reason.Words is not null).Select(l => $"{l.Deal.Name}: \"{l.Reason.Words}\"")) : "")))],
        };
    }

    /// <summary>A stored reason is a fixed one ("Price"), or a fixed one and the rep's words ("Lost to a competitor: went with HubSpot").</summary>
    public static (string Fixed, string? Words) Split(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return ("No reason given", null);
        if (CloseReasonDialog.LostReasons.Contains(reason))
            return (reason, null);
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && CloseReasonDialog.LostReasons.Contains(reason[..colon])
            ? (reason[..colon], reason[(colon + 2)..])
            : (CloseReasonDialog.Other, reason);
    }
}

/// <summary>"loss reasons this quarter", "why did we lose deals last month".</summary>
public sealed record LossReasonsIntent(GoalPeriod Period, bool Previous) : Intent;
