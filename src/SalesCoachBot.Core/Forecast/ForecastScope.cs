using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Forecast;

/// <summary>Whose deals a forecast counts (everyone for null), and whose history its chances are learned from.</summary>
public sealed record ForecastScope(string Label, IReadOnlyCollection<long>? Owners, IReadOnlyCollection<long>? Team)
{
    public static ForecastScope Everyone { get; } = new("Forecast, whole organisation", null, null);

    /// <summary>A manager's team: their deals and their reps'.</summary>
    public static async Task<ForecastScope> TeamAsync(SalesCoachDbContext db, Rep manager, CancellationToken cancellationToken)
    {
        List<long> team = await db.TeamOf(manager.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        return new($"Forecast, team of {manager.DisplayName}", team, team);
    }

    /// <summary>One rep's deals, with the chances of their team (the organisation's, without one).</summary>
    public static async Task<ForecastScope> RepAsync(SalesCoachDbContext db, Rep rep, string label, CancellationToken cancellationToken) =>
        new(label, [rep.Id], await db.ManagerOfTeamAsync(rep, cancellationToken) is { } manager
            ? await db.TeamOf(manager).Select(r => r.Id).ToListAsync(cancellationToken)
            : null);
}
