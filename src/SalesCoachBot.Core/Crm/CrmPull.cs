using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Crm;

/// <summary>What one pull read and did.</summary>
public sealed record CrmPullResult(int Read, int Created, int Updated, int Archived, int Skipped, int Conflicts);

/// <summary>
/// Reads deals from the CRM: all of them (<c>crm sync --full</c>: owners, the pipeline, open deals and those closed in
/// the last year) or only those changed since the last pull. The CRM wins on a field changed there since the last pull;
/// a chat change to that field still waiting to be written is dropped, and its rep told. A deal gone from the CRM
/// is archived here (deleted, restorable for a week).
/// </summary>
public sealed class CrmPull(SalesCoachDbContext db, ICrmClient crm, CrmCatalog catalog, CrmDealFields fields, CrmSettings settings, OutboxWriter outbox, TimeProvider time)
{
    /// <summary>How far back an incremental pull reads again: the CRM's search index lags its latest writes.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int SaveEvery = 100;

    public async Task<CrmPullResult> PullAsync(bool full, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var state = await StateAsync(cancellationToken);
        full |= state.LastPullAt is null;
        var counts = new Counts();
        try
        {
            if (full)
                await crm.PrepareAsync(cancellationToken);
            var (owners, pipeline) = await catalog.GetAsync(full, cancellationToken);
            var seen = new HashSet<string>();
            var closedSince = DateOnly.FromDateTime(started.UtcDateTime.AddYears(-1));
            var deals = full ? crm.DealsAsync(closedSince, cancellationToken) : crm.ChangedDealsAsync(state.LastPullAt!.Value - Overlap, cancellationToken);
            using (CrmChangeCapture.FromCrm())
            {
                await foreach (var remote in deals)
                {
                    seen.Add(remote.CrmId);
                    counts.Read++;
                    await MergeAsync(remote, owners, pipeline, counts, cancellationToken);
                    if (counts.Read % SaveEvery == 0)
                        await db.SaveChangesAsync(cancellationToken);
                }
                counts.Archived = full ? await ArchiveMissingAsync(seen, cancellationToken) : await ArchiveDeletedAsync(state.LastPullAt!.Value - Overlap, cancellationToken);
                (state.LastPullAt, state.LastError) = (started, null);
                if (full)
                    state.LastFullPullAt = started;
                NoteRateLimit(state);
                await db.SaveChangesAsync(cancellationToken);
            }
            CrmTelemetry.Pulled.Add(counts.Read, CrmTelemetry.Provider(settings.Provider));
            return new(counts.Read, counts.Created, counts.Updated, counts.Archived, counts.Skipped, counts.Conflicts);
        }
        catch (CrmException e)
        {
            db.ChangeTracker.Clear();
            await RecordErrorAsync(e.Message, cancellationToken);
            throw;
        }
    }

    /// <summary>Reads one deal now (a webhook named it): merged as a pull would, archived here if gone there.</summary>
    public async Task PullDealAsync(string crmId, CancellationToken cancellationToken)
    {
        var (owners, pipeline) = await catalog.GetAsync(refresh: false, cancellationToken);
        var remote = await crm.GetDealAsync(crmId, cancellationToken);
        using (CrmChangeCapture.FromCrm())
        {
            if (remote is not null)
                await MergeAsync(remote, owners, pipeline, new Counts(), cancellationToken);
            else if (await db.CrmLinks.Where(l => l.Provider == settings.Provider && l.CrmId == crmId).Select(l => l.Deal).FirstOrDefaultAsync(cancellationToken) is { } gone)
                gone.DeletedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task MergeAsync(CrmDeal remote, IReadOnlyList<CrmOwner> owners, IReadOnlyList<CrmStage> pipeline, Counts counts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var link = db.CrmLinks.Local.FirstOrDefault(l => l.Provider == settings.Provider && l.CrmId == remote.CrmId)
                   ?? await db.CrmLinks.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.Provider == settings.Provider && l.CrmId == remote.CrmId, cancellationToken);
        if (link is null)
        {
            // A deal created here whose create answer was lost: the CRM has it under our id.
            if (long.TryParse(remote.SalesCoachId, out var ours) && await db.Deals.IgnoreQueryFilters().AnyAsync(d => d.Id == ours, cancellationToken)
                && !await db.CrmLinks.IgnoreQueryFilters().AnyAsync(l => l.Provider == settings.Provider && l.DealId == ours, cancellationToken))
            {
                db.CrmLinks.Add(new CrmLink { Provider = settings.Provider, CrmId = remote.CrmId, DealId = ours, ValuesJson = remote.Values.ToJson(), SyncedAt = now });
                return;
            }
            if (await fields.CreateAsync(db, remote, owners, pipeline, now, cancellationToken) is not { } created)
            {
                counts.Skipped++;
                return;
            }
            db.CrmLinks.Add(new CrmLink { Provider = settings.Provider, CrmId = remote.CrmId, Deal = created, ValuesJson = remote.Values.ToJson(), SyncedAt = now });
            counts.Created++;
            return;
        }
        var deal = await db.Deals.IgnoreQueryFilters().FirstAsync(d => d.Id == link.DealId, cancellationToken);
        var changed = CrmDealValues.All.Where(f => !remote.Values.Same(link.Values, f)).Order().ToList();
        if (changed.Count > 0 && deal.DeletedAt is null)
        {
            var before = await fields.OfAsync(db, deal, owners, pipeline, cancellationToken);
            var overtaken = await DropOvertakenAsync(deal.Id, changed, cancellationToken);
            await fields.ApplyAsync(db, deal, remote.Values, changed, owners, pipeline, now, cancellationToken);
            counts.Updated++;
            if (overtaken.Count > 0)
            {
                counts.Conflicts++;
                await CrmNotices.TellAsync(db, outbox, deal.OwnerId, $"conflict:{link.Id}:{now.ToUnixTimeMilliseconds()}", Overtaken(crm.Name, deal, overtaken, before, remote.Values), cancellationToken);
            }
        }
        (link.ValuesJson, link.SyncedAt) = (remote.Values.ToJson(), now);
    }

    /// <summary>The rep's waiting changes to fields the CRM changed meanwhile: no longer written.</summary>
    private async Task<List<CrmField>> DropOvertakenAsync(long dealId, IReadOnlyCollection<CrmField> changed, CancellationToken cancellationToken)
    {
        var waiting = await db.CrmWrites.IgnoreQueryFilters()
            .Where(w => w.DealId == dealId && w.DoneAt == null && w.FailedAt == null && w.InteractionId == null).ToListAsync(cancellationToken);
        var overtaken = new List<CrmField>();
        foreach (var write in waiting)
        {
            var fieldsOfWrite = CrmDealValues.ParseFields(write.Fields);
            var lost = fieldsOfWrite.Intersect(changed).Where(f => f != CrmField.NextStep).ToList();
            if (lost.Count == 0)
                continue;
            overtaken.AddRange(lost);
            write.Fields = CrmDealValues.FieldsText(fieldsOfWrite.Except(lost));
            if (write.Fields.Length == 0)
                (write.DoneAt, write.LastError) = (time.GetUtcNow(), $"overtaken by a change in {crm.Name}");
        }
        return [.. overtaken.Distinct().Order()];
    }

    internal static string Overtaken(string crmName, Deal deal, IEnumerable<CrmField> fields, CrmDealValues yours, CrmDealValues theirs) =>
        $"{deal.Name}: {string.Join(", ", fields.Select(f => $"{CrmNotices.FieldName(f)} was changed in {crmName} to {theirs.Text(f) ?? "nothing"} after you set it to {yours.Text(f) ?? "nothing"}"))}. " +
        $"{crmName} is the record, so its value is kept; say it again if yours should win.";

    private async Task<int> ArchiveMissingAsync(HashSet<string> seen, CancellationToken cancellationToken)
    {
        var linked = await db.CrmLinks.Where(l => l.Provider == settings.Provider && l.Deal!.DeletedAt == null)
            .Select(l => new { l.CrmId, l.Deal }).ToListAsync(cancellationToken);
        var gone = linked.Where(l => !seen.Contains(l.CrmId) && l.Deal is { } deal && !deal.Stage.IsClosed()).ToList();
        foreach (var link in gone)
            link.Deal!.DeletedAt = time.GetUtcNow();
        return gone.Count;
    }

    private async Task<int> ArchiveDeletedAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var archived = 0;
        await foreach (var crmId in crm.DeletedDealsAsync(since, cancellationToken))
        {
            if (await db.CrmLinks.Where(l => l.Provider == settings.Provider && l.CrmId == crmId).Select(l => l.Deal).FirstOrDefaultAsync(cancellationToken) is { } deal)
            {
                deal.DeletedAt = time.GetUtcNow();
                archived++;
            }
        }
        return archived;
    }

    private void NoteRateLimit(CrmSyncState state)
    {
        if (crm.RateLimit is { } limit)
            (state.RateLimitRemaining, state.RateLimitMax, state.RateLimitWindow, state.RateLimitAt) = (limit.Remaining, limit.Max, limit.Window, limit.At);
    }

    private async Task RecordErrorAsync(string error, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        state.LastError = error.Length > 1000 ? error[..1000] : error;
        NoteRateLimit(state);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CrmSyncState> StateAsync(CancellationToken cancellationToken) =>
        await db.CrmSyncStates.FirstOrDefaultAsync(s => s.Provider == settings.Provider, cancellationToken)
        ?? db.CrmSyncStates.Add(new CrmSyncState { Provider = settings.Provider }).Entity;

    private sealed class Counts
    {
        public int Read, Created, Updated, Archived, Skipped, Conflicts;
    }
}
