using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Nudges;

/// <summary>
/// Stall thresholds from the team's own history: once enough of the team's won deals passed through a
/// stage, its threshold is the 75th percentile of their time there, within a floor and a ceiling;
/// until then the default from <c>dialogs/stages.yaml</c> applies. A rep's team is their manager's
/// (or their own, if they manage); a rep without one is measured against the whole organisation.
/// </summary>
public sealed class StallThresholds(SalesCoachDbContext db, SalesContent content, StallLearning learning)
{
    private readonly Dictionary<string, IReadOnlyDictionary<DealStage, StallThreshold>> cache = [];

    public async Task<IReadOnlyDictionary<DealStage, StallThreshold>> ForRepAsync(Rep rep, CancellationToken cancellationToken) =>
        await ForTeamAsync(await TeamOfAsync(rep, cancellationToken), cancellationToken);

    /// <summary>The reps whose history sets this rep's thresholds; null for the whole organisation.</summary>
    public async Task<IReadOnlyCollection<long>?> TeamOfAsync(Rep rep, CancellationToken cancellationToken)
    {
        var manager = await db.Reps.AnyAsync(r => r.ManagerId == rep.Id, cancellationToken) ? rep.Id : rep.ManagerId;
        return manager is null ? null : await db.Reps.Where(r => r.ManagerId == manager || r.Id == manager).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<DealStage, StallThreshold>> ForTeamAsync(IReadOnlyCollection<long>? team, CancellationToken cancellationToken)
    {
        var key = team is null ? "*" : string.Join(",", team.Order());
        if (cache.TryGetValue(key, out var known))
            return known;

        var durations = learning.Enabled ? await TimeInStageOfWonDealsAsync(team, cancellationToken) : [];
        var thresholds = StageNames.All.Where(s => !s.IsClosed()).ToDictionary(stage => stage, stage =>
        {
            var days = durations.GetValueOrDefault(stage) ?? [];
            return days.Count >= learning.MinimumDeals
                ? new StallThreshold(stage, (int)Math.Ceiling(Math.Clamp(Statistics.Percentile(days, 75)!.Value, learning.FloorDays, learning.CeilingDays)), true, days.Count)
                : new StallThreshold(stage, content.For(stage).StallAfterDays, false, days.Count);
        });
        return cache[key] = thresholds;
    }

    // Days each won deal spent in each open stage, walking its stage history in order.
    private async Task<Dictionary<DealStage, List<double>>> TimeInStageOfWonDealsAsync(IReadOnlyCollection<long>? team, CancellationToken cancellationToken)
    {
        var changes = from c in db.StageChanges.AsNoTracking()
                      join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
                      where d.Stage == DealStage.Won && (team == null || team.Contains(d.OwnerId))
                      orderby c.DealId, c.Id
                      select new { c.DealId, c.To, c.At };
        var durations = new Dictionary<DealStage, List<double>>();
        long deal = -1;
        (DealStage Stage, DateTimeOffset At)? current = null;
        await foreach (var change in changes.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (change.DealId != deal)
                (deal, current) = (change.DealId, null);
            if (current is { } previous && !previous.Stage.IsClosed())
                (durations.TryGetValue(previous.Stage, out var list) ? list : durations[previous.Stage] = []).Add((change.At - previous.At).TotalDays);
            current = (change.To, change.At);
        }
        return durations;
    }
}
