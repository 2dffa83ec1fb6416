using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.SalesTeams;

/// <summary>Who manages whom, from configuration: applied at start-up, creating reps by e-mail as needed; changes are audited.</summary>
public sealed class SalesTeamRoster(SalesCoachDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(IEnumerable<(string Manager, IReadOnlyList<string> Reps)> teams, CancellationToken cancellationToken)
    {
        foreach (var (managerEmail, repEmails) in teams)
        {
            var manager = await db.FindOrAddRepAsync(managerEmail, time.GetUtcNow(), cancellationToken);
            if (!manager.IsManager)
            {
                manager.IsManager = true;
                Audit($"made {manager.Email} a manager");
            }
            // A new manager needs its id before reps are put on its team.
            await db.SaveChangesAsync(cancellationToken);
            foreach (var email in repEmails)
            {
                var rep = await db.FindOrAddRepAsync(email, time.GetUtcNow(), cancellationToken);
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
}
