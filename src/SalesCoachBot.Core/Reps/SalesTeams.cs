using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Reps;

/// <summary>A sales team is a manager and the reps they manage.</summary>
public static class SalesTeams
{
    /// <summary>The manager of the rep's team: the rep, if they manage anyone, else their manager; null on no team.</summary>
    public static async Task<long?> ManagerOfTeamAsync(this SalesCoachDbContext db, Rep rep, CancellationToken cancellationToken) =>
        await db.Reps.AnyAsync(r => r.ManagerId == rep.Id, cancellationToken) ? rep.Id : rep.ManagerId;

    /// <summary>The manager and everyone they manage.</summary>
    public static IQueryable<Rep> TeamOf(this SalesCoachDbContext db, long managerId) =>
        db.Reps.Where(r => r.ManagerId == managerId || r.Id == managerId);
}
