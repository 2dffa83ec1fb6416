using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.TeamViews;

/// <summary>The reps a manager's views cover: their team; an admin without a team, everyone.</summary>
public sealed record TeamScope(string Label, IReadOnlyList<Rep> Members)
{
    public const string NotAManager = "That view is for managers: it covers the reps on your team. An admin can make you one.";

    public IReadOnlyCollection<long> Ids => [.. Members.Select(r => r.Id)];

    /// <summary>Null when the rep manages nobody and is no admin.</summary>
    public static async Task<TeamScope?> OfAsync(SalesCoachDbContext db, SalesTeamRules rules, Rep rep, CancellationToken cancellationToken)
    {
        if (await db.IsManagerAsync(rep, cancellationToken))
            return new("Your team", await db.TeamOf(rep.Id).AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(cancellationToken));
        return rules.IsAdmin(rep) ? new("Everyone", await db.Reps.AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(cancellationToken)) : null;
    }
}
