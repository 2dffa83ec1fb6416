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

    /// <summary>The deal's next step, by <see cref="NextSteps.OfDealsAsync"/>.</summary>
    public async Task<CurrentStep?> NextStepAsync(Deal deal, CancellationToken cancellationToken) =>
        (await NextSteps.OfDealsAsync(db, [deal.Id], cancellationToken)).GetValueOrDefault(deal.Id);

    /// <summary>Open deals whose next step was due before <paramref name="today"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(FollowUp Step, Deal Deal)>> OverdueAsync(Rep rep, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.FollowUps.AsNoTracking()
            .Where(f => f.RepId == rep.Id && f.DueOn < today)
            .Join(db.Deals.AsNoTracking().Where(Deal.IsOpen), f => f.DealId, d => d.Id, (f, d) => new { f, d })
            .ToListAsync(cancellationToken);
        var current = rows.GroupBy(r => r.d.Id).Select(g => (Step: NextSteps.Current(g.Select(r => r.f), g.First().d.LastActivityAt), Deal: g.First().d));
        return [.. current.Where(c => c.Step is not null).OrderBy(c => c.Step!.DueOn).Select(c => (c.Step!, c.Deal))];
    }
}
