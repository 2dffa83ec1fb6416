using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Nudges;

/// <summary>A rep's stalled deals, longest idle first, with the check that judged them.</summary>
public sealed record RepStalls(Rep Rep, RepClock Clock, StallCheck Stalls, List<OpenDeal> Deals);

/// <summary>What judging an open deal takes, and no more: a sweep reads a million of these; names and amounts only for those a message shows.</summary>
public sealed record OpenDeal(long Id, long OwnerId, DealStage Stage, DateTimeOffset LastActivityAt, DateTimeOffset? LastNudgedAt, DateTimeOffset? SnoozedUntil)
{
    public int DaysSinceLastActivity(DateTimeOffset now) => Math.Max(0, (int)(now - LastActivityAt).TotalDays);
}

/// <summary>
/// The stalled deals of many reps in a few queries (their open deals, their next steps, their teams'
/// thresholds), each deal judged by its rep's <see cref="StallCheck"/>: the one rule, applied in memory.
/// </summary>
public sealed class StalledDeals(SalesCoachDbContext db, StallThresholds thresholds, RepClockFactory clocks)
{
    /// <summary>Each rep's stalled deals; <paramref name="forNudge"/> keeps those due a nudge: not snoozed, not nudged within another threshold period (unless a snooze ended since).</summary>
    public async Task<List<RepStalls>> ReadAsync(IReadOnlyCollection<Rep> reps, bool forNudge, CancellationToken cancellationToken)
    {
        if (reps.Count == 0)
            return [];
        var owners = reps.Select(r => r.Id).ToList();
        var clocksByRep = reps.ToDictionary(r => r.Id, clocks.For);
        var earliestToday = clocksByRep.Values.Min(c => c.Today);
        var lastStepDue = (await db.FollowUps.AsNoTracking()
                .Where(f => f.RemindedAt == null && f.DueOn >= earliestToday && owners.Contains(f.Deal!.OwnerId))
                .GroupBy(f => f.DealId).Select(g => new { DealId = g.Key, Due = g.Max(f => f.DueOn) })
                .ToListAsync(cancellationToken))
            .ToDictionary(f => f.DealId, f => f.Due);
        var open = (await db.Deals.AsNoTracking()
                .Where(Deal.IsOpen).Where(d => owners.Contains(d.OwnerId))
                .Select(d => new OpenDeal(d.Id, d.OwnerId, d.Stage, d.LastActivityAt, d.LastNudgedAt, d.SnoozedUntil))
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.OwnerId);
        var rulesByRep = await thresholds.ForRepsAsync(reps, cancellationToken);

        var result = new List<RepStalls>(reps.Count);
        foreach (var rep in reps)
        {
            var clock = clocksByRep[rep.Id];
            var now = clock.UtcNow;
            var deals = open[rep.Id];
            var stepAhead = deals.Where(d => lastStepDue.TryGetValue(d.Id, out var due) && due >= clock.Today).Select(d => d.Id).ToHashSet();
            var stalls = new StallCheck(rulesByRep[rep.Id], stepAhead, now);
            List<OpenDeal> stalled = [.. deals.Where(d => stalls.IsStalled(d.Id, d.Stage, d.LastActivityAt) && (!forNudge || IsDueNudge(d, stalls.RuleFor(d.Stage), now)))
                .OrderByDescending(d => now - d.LastActivityAt).ThenBy(d => d.Id)];
            result.Add(new RepStalls(rep, clock, stalls, stalled));
        }
        return result;
    }

    /// <summary>The whole deals behind <paramref name="ids"/>, for the few a message names.</summary>
    public async Task<Dictionary<long, Deal>> DetailsAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return wanted.Count == 0 ? [] : await db.Deals.AsNoTracking().Where(d => wanted.Contains(d.Id))
            .Select(d => new Deal
            {
                Id = d.Id, Name = d.Name, Account = d.Account, Amount = d.Amount, Currency = d.Currency, Stage = d.Stage, OwnerId = d.OwnerId,
                CreatedAt = d.CreatedAt, LastActivityAt = d.LastActivityAt, ExpectedCloseDate = d.ExpectedCloseDate, LastNudgedAt = d.LastNudgedAt, SnoozedUntil = d.SnoozedUntil,
            })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
    }

    /// <summary>The whole deals behind <paramref name="deals"/>, in their order, less any deleted since they were judged.</summary>
    public static IEnumerable<Deal> StillThere(IReadOnlyDictionary<long, Deal> details, IEnumerable<OpenDeal> deals) =>
        deals.Where(d => details.ContainsKey(d.Id)).Select(d => details[d.Id]);

    private static bool IsDueNudge(OpenDeal deal, StallThreshold rule, DateTimeOffset now) =>
        (deal.SnoozedUntil is null || deal.SnoozedUntil <= now)
        && (deal.LastNudgedAt is null || now - deal.LastNudgedAt >= TimeSpan.FromDays(rule.Days) || deal.SnoozedUntil > deal.LastNudgedAt);
}
