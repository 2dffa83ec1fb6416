using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.SalesTeams;

/// <summary>A sales team is a manager and the reps they manage.</summary>
public static class SalesTeamQueries
{
    /// <summary>The manager of the rep's team: the rep, if they manage anyone, else their manager; null on no team.</summary>
    public static async Task<long?> ManagerOfTeamAsync(this SalesCoachDbContext db, Rep rep, CancellationToken cancellationToken) =>
        await db.Reps.AnyAsync(r => r.ManagerId == rep.Id, cancellationToken) ? rep.Id : rep.ManagerId;

    /// <summary>Made a manager, or managing anyone.</summary>
    public static async Task<bool> IsManagerAsync(this SalesCoachDbContext db, Rep rep, CancellationToken cancellationToken) =>
        rep.IsManager || await db.Reps.AnyAsync(r => r.ManagerId == rep.Id, cancellationToken);

    /// <summary>How a rep is named in replies and the audit: their e-mail address, else their name.</summary>
    public static string Name(this Rep rep) => rep.Email ?? rep.DisplayName;

    /// <summary>The manager and everyone they manage.</summary>
    public static IQueryable<Rep> TeamOf(this SalesCoachDbContext db, long managerId) =>
        db.Reps.Where(r => r.ManagerId == managerId || r.Id == managerId);
}
