using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Digests;

/// <summary>Who manages whom, from configuration: applied at start-up, creating reps by e-mail as needed; changes are audited.</summary>
public sealed class TeamRoster(SalesCoachDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(IEnumerable<(string Manager, IReadOnlyList<string> Reps)> teams, CancellationToken cancellationToken)
    {
        foreach (var (managerEmail, repEmails) in teams)
        {
            var manager = await FindOrCreateAsync(managerEmail, cancellationToken);
            if (!manager.IsManager)
            {
                manager.IsManager = true;
                Audit($"made {manager.Email} a manager");
            }
            foreach (var email in repEmails)
            {
                var rep = await FindOrCreateAsync(email, cancellationToken);
                if (rep.ManagerId == manager.Id)
                    continue;
                rep.ManagerId = manager.Id;
                Audit($"put {rep.Email} on {manager.Email}'s team");
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Audit(string change) => db.Audit.Add(new AuditEntry
    {
        At = time.GetUtcNow(),
        Actor = AuditEntry.ConfigurationActor,
        Channel = "configuration",
        Change = change,
    });

    private async Task<Rep> FindOrCreateAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var rep = await db.Reps.FirstOrDefaultAsync(r => r.Email == normalized, cancellationToken);
        if (rep is not null)
            return rep;
        rep = db.Reps.Add(new Rep { DisplayName = normalized, Email = normalized, CreatedAt = time.GetUtcNow() }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return rep;
    }
}
