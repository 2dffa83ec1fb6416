using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

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
    public async Task<IReadOnlyCollection<long>?> TeamOfAsync(Rep rep, CancellationToken cancellationToken) =>
        await db.ManagerOfTeamAsync(rep, cancellationToken) is { } manager
            ? await db.TeamOf(manager).Select(r => r.Id).ToListAsync(cancellationToken)
            : null;

    /// <summary>Each rep's thresholds, as <see cref="ForRepAsync"/> gives them, with the teams read in two queries.</summary>
    public async Task<Dictionary<long, IReadOnlyDictionary<DealStage, StallThreshold>>> ForRepsAsync(IReadOnlyCollection<Rep> reps, CancellationToken cancellationToken)
    {
        var ids = reps.Select(r => r.Id).ToList();
        var managing = (await db.Reps.AsNoTracking().Where(r => r.ManagerId != null && ids.Contains(r.ManagerId.Value))
            .Select(r => r.ManagerId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var teamManagers = reps.ToDictionary(r => r.Id, r => managing.Contains(r.Id) ? r.Id : r.ManagerId);
        var managers = teamManagers.Values.OfType<long>().Distinct().ToList();
        var members = (await db.Reps.AsNoTracking().Where(r => managers.Contains(r.Id) || (r.ManagerId != null && managers.Contains(r.ManagerId.Value)))
                .Select(r => new { r.Id, r.ManagerId }).ToListAsync(cancellationToken))
            .SelectMany(r => new[] { r.Id, r.ManagerId ?? r.Id }.Distinct().Where(managers.Contains).Select(team => (Team: team, Member: r.Id)))
            .ToLookup(m => m.Team, m => m.Member);
        var result = new Dictionary<long, IReadOnlyDictionary<DealStage, StallThreshold>>(reps.Count);
        foreach (var rep in reps)
            result[rep.Id] = await ForTeamAsync(teamManagers[rep.Id] is { } manager ? [.. members[manager]] : null, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyDictionary<DealStage, StallThreshold>> ForTeamAsync(IReadOnlyCollection<long>? team, CancellationToken cancellationToken)
    {
        var key = team is null ? "*" : string.Join(",", team.Order());
        if (cache.TryGetValue(key, out var known))
            return known;

        var durations = new Dictionary<DealStage, List<double>>();
        if (learning.Enabled)
            await foreach (var visit in StageVisits.ReadAsync(db, team, wonDealsOnly: true, cancellationToken))
                if (visit.Days is { } days)
                    (durations.TryGetValue(visit.Stage, out var list) ? list : durations[visit.Stage] = []).Add(days);
        var thresholds = StageNames.Open.ToDictionary(stage => stage, stage =>
        {
            var days = durations.GetValueOrDefault(stage) ?? [];
            return days.Count >= learning.MinimumDeals
                ? new StallThreshold(stage, (int)Math.Ceiling(Math.Clamp(Statistics.Percentile(days, 75)!.Value, learning.FloorDays, learning.CeilingDays)), true, days.Count)
                : new StallThreshold(stage, content.For(stage).StallAfterDays, false, days.Count);
        });
        return cache[key] = thresholds;
    }
}
