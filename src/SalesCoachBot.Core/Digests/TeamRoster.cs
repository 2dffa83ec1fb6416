using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Digests;

/// <summary>Who manages whom, from configuration: applied at start-up, creating reps by e-mail as needed.</summary>
public sealed class TeamRoster(SalesCoachDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(IEnumerable<(string Manager, IReadOnlyList<string> Reps)> teams, CancellationToken cancellationToken)
    {
        foreach (var (managerEmail, repEmails) in teams)
        {
            var manager = await FindOrCreateAsync(managerEmail, cancellationToken);
            foreach (var email in repEmails)
                (await FindOrCreateAsync(email, cancellationToken)).ManagerId = manager.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Rep> FindOrCreateAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var rep = await db.Reps.FirstOrDefaultAsync(r => r.Email == normalized, cancellationToken);
        if (rep is not null)
            return rep;
        rep = db.Reps.Add(new Rep { DisplayName = normalized, Email = normalized, CreatedAt = time.GetUtcNow() }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return rep;
    }
}
