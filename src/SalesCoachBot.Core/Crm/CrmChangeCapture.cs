using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Crm;

/// <summary>
/// Queues for the CRM, in the same save, every change to a deal's shared fields and every activity or next step logged:
/// whichever feature made it, nothing a rep does by chat is missed and nothing is queued for a change not saved.
/// Changes read from the CRM are made inside <see cref="FromCrm"/> and are not sent back.
/// </summary>
public sealed class CrmChangeCapture(TimeProvider time, CrmSignal signal) : SaveChangesInterceptor
{
    private static readonly AsyncLocal<bool> Pulling = new();

    /// <summary>Saves made until disposed bring the CRM's own values here: nothing to write back.</summary>
    public static IDisposable FromCrm()
    {
        Pulling.Value = true;
        return new Restore();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfQueued(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfQueued(eventData.Context);
        return result;
    }

    private void WakeIfQueued(DbContext? context)
    {
        if (!Pulling.Value && context is SalesCoachDbContext db && db.CrmWrites.Local.Any(w => w.DoneAt == null))
            signal.Wake();
    }

    private void Capture(DbContext? context)
    {
        if (Pulling.Value || context is not SalesCoachDbContext db)
            return;
        db.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow();
        var writes = new List<CrmWrite>();
        foreach (var entry in db.ChangeTracker.Entries<Deal>().Where(e => e.Entity.DeletedAt == null))
        {
            var fields = entry.State == EntityState.Added ? CrmDealValues.All : ChangedFields(entry);
            if (fields.Count > 0)
                writes.Add(Write(entry.Entity.Id, entry.Entity, entry.Entity.OwnerId, fields, now));
        }
        foreach (var entry in db.ChangeTracker.Entries<Interaction>().Where(e => e.State == EntityState.Added))
        {
            var interaction = entry.Entity;
            writes.Add(Write(interaction.DealId, interaction.Deal, interaction.RepId, [], now, interaction));
            if (interaction.NextStep is not null)
                writes.Add(Write(interaction.DealId, interaction.Deal, interaction.RepId, [CrmField.NextStep], now));
        }
        foreach (var entry in db.ChangeTracker.Entries<FollowUp>().Where(e => e.State == EntityState.Added))
            writes.Add(Write(entry.Entity.DealId, entry.Entity.Deal, entry.Entity.RepId, [CrmField.NextStep], now));
        db.CrmWrites.AddRange(writes.DistinctBy(w => (w.DealId, w.Deal, w.Fields, w.Interaction)));
    }

    private static IReadOnlySet<CrmField> ChangedFields(EntityEntry<Deal> entry)
    {
        if (entry.State != EntityState.Modified)
            return new HashSet<CrmField>();
        bool Changed(string property) => entry.Property(property).IsModified && !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);
        var fields = new HashSet<CrmField>();
        if (Changed(nameof(Deal.Name)))
            fields.Add(CrmField.Name);
        if (Changed(nameof(Deal.Amount)) || Changed(nameof(Deal.Currency)))
            fields.Add(CrmField.Amount);
        if (Changed(nameof(Deal.ExpectedCloseDate)))
            fields.Add(CrmField.CloseDate);
        if (Changed(nameof(Deal.Stage)))
            fields.Add(CrmField.Stage);
        if (Changed(nameof(Deal.OwnerId)))
            fields.Add(CrmField.Owner);
        if (Changed(nameof(Deal.CloseReason)))
            fields.Add(CrmField.CloseReason);
        return fields;
    }

    private static CrmWrite Write(long dealId, Deal? deal, long repId, IEnumerable<CrmField> fields, DateTimeOffset now, Interaction? interaction = null) =>
        new() { DealId = dealId, Deal = deal, RepId = repId, Interaction = interaction, Fields = CrmDealValues.FieldsText(fields), CreatedAt = now, NextAttemptAt = now };

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Pulling.Value = false;
    }
}
