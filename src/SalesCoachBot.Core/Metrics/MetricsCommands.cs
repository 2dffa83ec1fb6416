using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Goals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Metrics;

/// <summary>"my numbers" and "team numbers this quarter": reps see their own and their team's totals.</summary>
public sealed class MetricsCommands(SalesCoachDbContext db, MetricsService metrics)
{
    public async Task<Reply> ShowAsync(RepTurn turn, NumbersIntent intent, CancellationToken cancellationToken)
    {
        var rep = turn.Rep;
        IReadOnlyCollection<long> reps = [rep.Id];
        var who = "Your numbers";
        if (intent.Team)
        {
            if (await db.ManagerOfTeamAsync(rep, cancellationToken) is not { } managerId)
                return new($"You're not on a team yet. A manager can add you with \"add {rep.Email ?? "alice@example.com"} to my team\".");
            reps = await db.TeamOf(managerId).Select(r => r.Id).ToListAsync(cancellationToken);
            who = "Team numbers";
        }
        var (start, end) = GoalPeriods.Containing(intent.Period, turn.Clock.Today);
        if (intent.Previous)
            (start, end) = GoalPeriods.Containing(intent.Period, start.AddDays(-1));
        var label = $"{who}, {(intent.Previous ? "last" : "this")} {intent.Period.ToString().ToLowerInvariant()}";
        var report = await metrics.ComputeAsync(label, reps,
            turn.Clock.ToInstant(start.ToDateTime(TimeOnly.MinValue)), turn.Clock.ToInstant(end.ToDateTime(TimeOnly.MinValue)), turn.Clock.Zone, cancellationToken);
        return MetricsText.Card(report);
    }
}
