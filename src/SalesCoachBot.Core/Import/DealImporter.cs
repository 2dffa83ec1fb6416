using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Import;

/// <summary>
/// Imports checked rows: owners become reps (by e-mail, else by name), a deal already imported (same CRM
/// id) is updated rather than duplicated, and nothing is written unless every row is good — or, when
/// asked, the good rows are written and the rest listed.
/// </summary>
public sealed class DealImporter(SalesCoachDbContext db, TimeProvider time, StageFinder stages)
{
    private const int Batch = 1000;

    public async Task<ImportResult> ImportAsync(TextReader csv, ImportMapping mapping, bool skipInvalid, CancellationToken cancellationToken)
    {
        var (rows, problems) = CsvDealReader.Read(csv, mapping, stages);
        if (problems.Count > 0 && (!skipInvalid || problems.Any(p => p.Line == 1)))
            return new ImportResult(rows.Count + problems.Count, 0, 0, 0, problems, Written: false);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reps = await RepsAsync(rows.Select(r => r.Owner).Distinct(StringComparer.OrdinalIgnoreCase), cancellationToken);
        int created = 0, updated = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in rows.Chunk(Batch))
        {
            var ids = batch.Select(r => r.ExternalId).ToList();
            // A deal deleted in chat but still in the CRM's export comes back.
            var existing = await db.Deals.IgnoreQueryFilters().Include(d => d.StageHistory).Where(d => ids.Contains(d.ExternalId!)).ToDictionaryAsync(d => d.ExternalId!, cancellationToken);
            foreach (var row in batch)
            {
                var owner = reps.Reps[row.Owner];
                if (existing.TryGetValue(row.ExternalId, out var deal))
                {
                    deal.DeletedAt = null;
                    Update(deal, row, owner);
                    db.Entry(deal).State = EntityState.Modified;
                    updated++;
                }
                else
                {
                    db.Deals.Add(Create(row, owner));
                    created++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(rows.Count + problems.Count, created, updated, reps.Created, problems, Written: true);
    }

    private Deal Create(ImportRow row, Rep owner)
    {
        var opened = row.Created ?? row.Closed ?? time.GetUtcNow();
        var deal = Deal.Open(row.Name, row.Value, owner, opened);
        deal.Owner = null;
        deal.ExternalId = row.ExternalId;
        Apply(deal, row, owner);
        return deal;
    }

    // The stage history an export can tell: opened at its created date, in its stage since then, closed on its closed date.
    private static void Apply(Deal deal, ImportRow row, Rep owner)
    {
        (deal.Name, deal.Account, deal.OwnerId, deal.Amount, deal.Currency) = (row.Name, row.Account, owner.Id, row.Value?.Amount, row.Value?.Currency);
        deal.ExpectedCloseDate = row.ExpectedClose ?? deal.ExpectedCloseDate;
        var opened = row.Created ?? deal.CreatedAt;
        deal.CreatedAt = opened;
        if (row.Stage.IsClosed())
            deal.MoveTo(row.Stage, row.Closed!.Value);
        else if (row.Stage != deal.Stage)
            deal.MoveTo(row.Stage, opened);
        deal.LastActivityAt = row.Stage.IsClosed() ? row.Closed!.Value : opened;
    }

    // A deal imported before: what changed in the CRM since is a move made now; history and activity logged here stay.
    private void Update(Deal deal, ImportRow row, Rep owner)
    {
        (deal.Name, deal.Account, deal.OwnerId, deal.Amount, deal.Currency) = (row.Name, row.Account, owner.Id, row.Value?.Amount, row.Value?.Currency);
        deal.ExpectedCloseDate = row.ExpectedClose ?? deal.ExpectedCloseDate;
        var unchanged = deal.Stage == row.Stage && (!row.Stage.IsClosed() || deal.ClosedAt == row.Closed);
        if (unchanged)
            return;
        var lastActivity = deal.LastActivityAt;
        var at = row.Stage.IsClosed() ? Max(row.Closed!.Value, deal.StageHistory.Max(c => c.At)) : time.GetUtcNow();
        deal.MoveTo(row.Stage, at);
        deal.LastActivityAt = Max(lastActivity, deal.LastActivityAt);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<(Dictionary<string, Rep> Reps, int Created)> RepsAsync(IEnumerable<string> owners, CancellationToken cancellationToken)
    {
        var known = await db.Reps.ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Rep>(StringComparer.OrdinalIgnoreCase);
        var created = 0;
        foreach (var owner in owners)
        {
            var key = EmailAddress.Normalize(owner);
            var rep = known.FirstOrDefault(r => r.Email == key) ?? known.FirstOrDefault(r => string.Equals(r.DisplayName, owner, StringComparison.OrdinalIgnoreCase));
            if (rep is null)
            {
                rep = db.Reps.Add(Rep.Create(owner, EmailAddress.IsAddress(owner) ? owner : null, time.GetUtcNow())).Entity;
                known.Add(rep);
                created++;
            }
            byKey[owner] = rep;
        }
        await db.SaveChangesAsync(cancellationToken);
        return (byKey, created);
    }
}
