using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Goals;

/// <summary>Sets goals and measures them from what was logged: won deals, revenue, calls, e-mails, meetings, demos.</summary>
public sealed class GoalService(SalesCoachDbContext db, TimeProvider time)
{
    /// <summary>Sets the goal for that metric and period; what it replaced, when that was a different goal.</summary>
    public async Task<(Goal Goal, Goal? Replaced)> SetAsync(Rep rep, GoalMetric metric, GoalPeriod period, decimal target, string? currency, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.RepId == rep.Id && g.Metric == metric && g.Period == period, cancellationToken);
        var replaced = goal is not null && (goal.Target != target || goal.Currency != currency)
            ? new Goal { RepId = rep.Id, Metric = metric, Period = period, Target = goal.Target, Currency = goal.Currency, SetAt = goal.SetAt }
            : null;
        if (goal is null)
            db.Goals.Add(goal = new Goal { RepId = rep.Id, Metric = metric, Period = period });
        (goal.Target, goal.Currency, goal.SetAt) = (target, currency, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (goal, replaced);
    }

    public async Task<IReadOnlyList<GoalProgress>> ProgressAsync(Rep rep, RepClock clock, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.Where(g => g.RepId == rep.Id).ToListAsync(cancellationToken);
        var progress = new List<GoalProgress>();
        foreach (var goal in goals.OrderBy(g => g.Period).ThenBy(g => g.Metric))
        {
            var (start, end) = GoalPeriods.Containing(goal.Period, clock.Today);
            var from = clock.ToInstant(start.ToDateTime(TimeOnly.MinValue));
            var until = clock.ToInstant(end.ToDateTime(TimeOnly.MinValue));
            var done = await CountAsync(rep, goal, from, until, cancellationToken);
            var elapsed = (clock.Today.DayNumber - start.DayNumber + 1) / (decimal)(end.DayNumber - start.DayNumber);
            progress.Add(new GoalProgress(goal, done, start, end.AddDays(-1), end.DayNumber - clock.Today.DayNumber - 1, StateOf(done, goal.Target, elapsed)));
        }
        return progress;
    }

    private async Task<decimal> CountAsync(Rep rep, Goal goal, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var won = db.Deals.Where(d => d.OwnerId == rep.Id && d.Stage == DealStage.Won && d.ClosedAt >= from && d.ClosedAt < until);
        return goal.Metric switch
        {
            GoalMetric.DealsWon => await won.CountAsync(cancellationToken),
            GoalMetric.Revenue => (await won.Where(d => d.Currency == goal.Currency).Select(d => d.Amount).ToListAsync(cancellationToken)).Sum() ?? 0,
            _ => await db.Interactions.CountAsync(i => i.RepId == rep.Id && i.Kind == KindOf(goal.Metric) && i.OccurredAt >= from && i.OccurredAt < until, cancellationToken),
        };
    }

    private static InteractionKind KindOf(GoalMetric metric) => metric switch
    {
        GoalMetric.Calls => InteractionKind.Call,
        GoalMetric.Emails => InteractionKind.Email,
        GoalMetric.Meetings => InteractionKind.Meeting,
        _ => InteractionKind.Demo,
    };

    // Ahead or behind the straight line from nothing at the start of the period to the target at its end.
    private static GoalState StateOf(decimal done, decimal target, decimal elapsed)
    {
        if (done >= target)
            return GoalState.Done;
        var expected = target * elapsed;
        return done >= expected * 1.15m && done > 0 ? GoalState.Ahead : done >= expected * 0.8m ? GoalState.OnTrack : GoalState.Behind;
    }
}
