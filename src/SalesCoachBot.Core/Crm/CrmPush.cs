using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Deals;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Crm;

/// <summary>
/// Writes the rep's chat changes to the CRM: one host per write (a lease per row), one deal's writes in order. A deal the
/// CRM does not know yet is upserted by its id here, so a retried create lands once. Before an update the CRM's record is
/// read: a field changed there since the last pull stays as the CRM has it, and the rep is told. A rate limit waits as
/// long as the CRM asks; a write the CRM refuses is reported to the rep once and not tried again.
/// </summary>
public sealed class CrmPush(IDbContextFactory<SalesCoachDbContext> contexts, ICrmClient crm, CrmCatalog catalog, CrmDealFields fields, CrmSettings settings,
    OutboxSignal signal, HostInstance host, TimeProvider time, ILogger<CrmPush> logger)
{
    public const int MaxAttempts = 8;
    public const int Batch = 20;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LoginWait = TimeSpan.FromMinutes(5);

    /// <summary>Writes what is due now; returns how many writes the CRM accepted.</summary>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.CrmWrites.Where(w => w.DoneAt == null && w.FailedAt == null && w.NextAttemptAt <= now && (w.LeasedUntil == null || w.LeasedUntil < now))
                .Where(w => !db.CrmWrites.Any(e => e.DealId == w.DealId && e.Id < w.Id && e.DoneAt == null && e.FailedAt == null))
                .OrderBy(w => w.Id).Select(w => w.Id).Take(Batch).ToListAsync(cancellationToken);
        }
        var pushed = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, cancellationToken))
                continue; // another host took it
            var outcome = await PushAsync(id, cancellationToken);
            if (outcome == Outcome.Pushed)
                pushed++;
            if (outcome == Outcome.Wait)
                break; // rate-limited or locked out: the rest waits too
        }
        return pushed;
    }

    /// <summary>When the earliest waiting write is due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await db.CrmWrites.Where(w => w.DoneAt == null && w.FailedAt == null)
            .Select(w => w.LeasedUntil != null && w.LeasedUntil > w.NextAttemptAt ? w.LeasedUntil.Value : w.NextAttemptAt).ToListAsync(cancellationToken);
        return waiting.Count == 0 ? null : waiting.Min();
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.CrmWrites.Where(w => w.Id == id && w.DoneAt == null && w.FailedAt == null && (w.LeasedUntil == null || w.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeasedBy, host.Id).SetProperty(w => w.LeasedUntil, now + Lease), cancellationToken) == 1;
    }

    private enum Outcome
    {
        Pushed,
        Failed,
        Wait,
    }

    private async Task<Outcome> PushAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var write = await db.CrmWrites.Include(w => w.Deal).Include(w => w.Interaction).FirstAsync(w => w.Id == id, cancellationToken);
        var provider = CrmTelemetry.Provider(settings.Provider);
        Outcome outcome;
        try
        {
            using (CrmChangeCapture.FromCrm())
                await WriteAsync(db, write, cancellationToken);
            write.DoneAt = time.GetUtcNow();
            CrmTelemetry.Pushed.Add(1, provider);
            CrmTelemetry.Lag.Record((write.DoneAt.Value - write.CreatedAt).TotalSeconds, provider);
            outcome = Outcome.Pushed;
        }
        catch (CrmException e) when (e.Failure is CrmFailure.RateLimited or CrmFailure.Unauthorized)
        {
            write.NextAttemptAt = time.GetUtcNow() + (e.RetryAfter ?? (e.Failure == CrmFailure.Unauthorized ? LoginWait : TimeSpan.FromSeconds(10)));
            write.LastError = e.Message;
            CrmTelemetry.Failed.Add(1, provider, new("reason", e.Failure == CrmFailure.RateLimited ? "rate-limited" : "unauthorized"));
            outcome = Outcome.Wait;
        }
        catch (CrmException e) when (e.Failure == CrmFailure.Refused || write.Attempts + 1 >= MaxAttempts)
        {
            (write.FailedAt, write.LastError) = (time.GetUtcNow(), e.Message);
            CrmTelemetry.Failed.Add(1, provider, new("reason", "refused"));
            logger.LogWarning("{Crm} refused write {Id} for deal {DealId}: {Error}", crm.Name, write.Id, write.DealId, e.Message);
            await TellRefusedAsync(db, write, e.Message, cancellationToken);
            outcome = Outcome.Failed;
        }
        catch (CrmException e)
        {
            write.Attempts++;
            (write.NextAttemptAt, write.LastError) = (time.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(2, write.Attempts) * 15), e.Message);
            CrmTelemetry.Failed.Add(1, provider, new("reason", "error"));
            outcome = Outcome.Failed;
        }
        (write.LeasedBy, write.LeasedUntil) = (null, null);
        using (CrmChangeCapture.FromCrm())
            await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task WriteAsync(SalesCoachDbContext db, CrmWrite write, CancellationToken cancellationToken)
    {
        var deal = write.Deal!;
        var (owners, pipeline) = await catalog.GetAsync(refresh: false, cancellationToken);
        var values = await fields.OfAsync(db, deal, owners, pipeline, cancellationToken);
        var link = await db.CrmLinks.FirstOrDefaultAsync(l => l.Provider == settings.Provider && l.DealId == deal.Id, cancellationToken);
        if (link is null)
        {
            var crmId = await crm.UpsertDealAsync(deal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), values, cancellationToken);
            link = db.CrmLinks.Add(new CrmLink { Provider = settings.Provider, CrmId = crmId, DealId = deal.Id, ValuesJson = values.ToJson(), SyncedAt = time.GetUtcNow() }).Entity;
        }
        else if (write.Fields.Length > 0)
            await UpdateAsync(db, write, deal, link, values, owners, pipeline, cancellationToken);
        if (write.Interaction is { } interaction)
            await crm.LogActivityAsync(link.CrmId, new CrmActivity(interaction.Kind, interaction.Summary, interaction.OccurredAt, values.OwnerId), cancellationToken);
    }

    private async Task UpdateAsync(SalesCoachDbContext db, CrmWrite write, Deal deal, CrmLink link, CrmDealValues values, IReadOnlyList<CrmOwner> owners,
        IReadOnlyList<CrmStage> pipeline, CancellationToken cancellationToken)
    {
        var remote = await crm.GetDealAsync(link.CrmId, cancellationToken);
        if (remote is null)
        {
            deal.DeletedAt = time.GetUtcNow(); // deleted in the CRM: archived here
            return;
        }
        var last = link.Values;
        var wanted = CrmDealValues.ParseFields(write.Fields);
        var overtaken = wanted.Where(f => f != CrmField.NextStep && !remote.Values.Same(last, f) && !remote.Values.Same(values, f)).Order().ToList();
        var sent = wanted.Except(overtaken).Where(f => !remote.Values.Same(values, f)).ToHashSet();
        if (sent.Count > 0)
            await crm.UpdateDealAsync(link.CrmId, values, sent, cancellationToken);
        if (overtaken.Count > 0)
        {
            await fields.ApplyAsync(db, deal, remote.Values, overtaken, owners, pipeline, time.GetUtcNow(), cancellationToken);
            await CrmNotices.TellAsync(db, Writer(db), write.RepId, $"conflict:{write.Id}", CrmPull.Overtaken(crm.Name, deal, overtaken, values, remote.Values), cancellationToken);
        }
        (link.ValuesJson, link.SyncedAt) = (remote.Values.With(values, sent).ToJson(), time.GetUtcNow());
    }

    private async Task TellRefusedAsync(SalesCoachDbContext db, CrmWrite write, string error, CancellationToken cancellationToken)
    {
        var what = write.Interaction is { } interaction ? $"the {interaction.Kind.ToString().ToLowerInvariant()} you logged on {write.Deal!.Name}"
            : $"your change to {write.Deal!.Name} ({string.Join(", ", CrmDealValues.ParseFields(write.Fields).Select(CrmNotices.FieldName))})";
        await CrmNotices.TellAsync(db, Writer(db), write.RepId, $"refused:{write.Id}",
            $"{crm.Name} did not take {what}: {error}. It is saved here; ask your {crm.Name} admin if it should be there too.", cancellationToken);
    }

    private OutboxWriter Writer(SalesCoachDbContext db) => new(db, time, signal);
}
