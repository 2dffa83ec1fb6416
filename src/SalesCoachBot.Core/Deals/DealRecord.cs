using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Interactions;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Deals;

/// <summary>A deal's recent history, and the next steps a rep has let slip.</summary>
public sealed class DealRecord(SalesCoachDbContext db)
{
    public async Task<IReadOnlyList<Interaction>> RecentAsync(Deal deal, int count, CancellationToken cancellationToken) =>
        await db.Interactions.AsNoTracking().Where(i => i.DealId == deal.Id)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>The deal's next step still to do: the soonest one not yet done.</summary>
    public Task<FollowUp?> NextStepAsync(Deal deal, CancellationToken cancellationToken) =>
        db.FollowUps.AsNoTracking().Where(f => f.DealId == deal.Id).OrderByDescending(f => f.DueOn).ThenByDescending(f => f.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Next steps on open deals that were due before <paramref name="today"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(FollowUp Step, Deal Deal)>> OverdueAsync(Rep rep, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.FollowUps.AsNoTracking()
            .Where(f => f.RepId == rep.Id && f.DueOn < today)
            .Join(db.Deals.AsNoTracking().Where(Deal.IsOpen), f => f.DealId, d => d.Id, (f, d) => new { f, d })
            .ToListAsync(cancellationToken);
        var latestPerDeal = rows.GroupBy(r => r.d.Id).Select(g => g.OrderByDescending(r => r.f.DueOn).ThenByDescending(r => r.f.Id).First());
        return [.. latestPerDeal.Where(r => r.f.DueOn < today && !HasActivitySince(r.d, r.f)).OrderBy(r => r.f.DueOn).Select(r => (r.f, r.d))];
    }

    // A step is done when something was logged on the deal after it fell due.
    private static bool HasActivitySince(Deal deal, FollowUp step) =>
        DateOnly.FromDateTime(deal.LastActivityAt.UtcDateTime) > step.DueOn;
}
