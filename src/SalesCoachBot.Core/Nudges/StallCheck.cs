using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Nudges;

/// <summary>
/// The one rule for "stalled", in every view, nudge, digest and metric: an open deal idle longer than
/// its stage allows (the learned or default threshold) with no next step still ahead of it.
/// </summary>
public sealed class StallCheck(IReadOnlyDictionary<DealStage, StallThreshold> rules, IReadOnlySet<long> withNextStepAhead, DateTimeOffset now)
{
    public StallThreshold RuleFor(DealStage stage) => rules[stage];

    public IEnumerable<StallThreshold> Rules => rules.Values.OrderBy(r => r.Stage);

    public bool IsStalled(Deal deal) => IsStalled(deal.Id, deal.Stage, deal.LastActivityAt);

    public bool IsStalled(long dealId, DealStage stage, DateTimeOffset lastActivity) =>
        !stage.IsClosed() && rules[stage].Exceeded(lastActivity, now) && !withNextStepAhead.Contains(dealId);
}

/// <summary>Builds the <see cref="StallCheck"/> for a rep or a team, as of now.</summary>
public sealed class StallChecks(SalesCoachDbContext db, StallThresholds thresholds, TimeProvider time)
{
    public async Task<StallCheck> ForRepAsync(Rep rep, RepClock clock, CancellationToken cancellationToken) =>
        new(await thresholds.ForRepAsync(rep, cancellationToken), await NextStepsAheadAsync([rep.Id], clock.Today, cancellationToken), clock.UtcNow);

    /// <summary>
    /// For a team (all reps when null), the day taken in UTC. A single rep gets the rule their nudges use (their team's,
    /// else the organisation's), not one learned from their own deals alone.
    /// </summary>
    public async Task<StallCheck> ForTeamAsync(IReadOnlyCollection<long>? team, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = team is { Count: 1 } && await db.Reps.FindAsync([team.Single()], cancellationToken) is { } rep
            ? await thresholds.ForRepAsync(rep, cancellationToken)
            : await thresholds.ForTeamAsync(team, cancellationToken);
        return new(rules, await NextStepsAheadAsync(team, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken), now);
    }

    private async Task<IReadOnlySet<long>> NextStepsAheadAsync(IReadOnlyCollection<long>? owners, DateOnly today, CancellationToken cancellationToken) =>
        (await db.FollowUps.Where(f => f.RemindedAt == null && f.DueOn >= today && (owners == null || owners.Contains(f.Deal!.OwnerId)))
            .Select(f => f.DealId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
}
