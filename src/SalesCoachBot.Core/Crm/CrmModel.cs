using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Crm;

public static class CrmModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CrmLink>(link =>
        {
            link.ToTable("CrmLinks");
            link.Property(l => l.Provider).HasMaxLength(32);
            link.Property(l => l.CrmId).HasMaxLength(64);
            link.Property(l => l.ValuesJson).HasMaxLength(4000);
            link.Ignore(l => l.Values);
            link.HasQueryFilter(l => l.Deal!.DeletedAt == null);
            link.HasIndex(l => new { l.Provider, l.CrmId }).IsUnique();
            link.HasIndex(l => new { l.Provider, l.DealId }).IsUnique();
            link.HasOne(l => l.Deal).WithMany().HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<CrmWrite>(write =>
        {
            write.ToTable("CrmWrites");
            write.Property(w => w.Fields).HasMaxLength(200);
            write.Property(w => w.LastError).HasMaxLength(1000);
            write.Property(w => w.LeasedBy).HasMaxLength(200);
            write.HasOne(w => w.Deal).WithMany().HasForeignKey(w => w.DealId).OnDelete(DeleteBehavior.Cascade);
            write.HasOne(w => w.Interaction).WithMany().HasForeignKey(w => w.InteractionId).OnDelete(DeleteBehavior.Cascade);
            write.HasQueryFilter(w => w.Deal!.DeletedAt == null); // a deleted deal's changes wait for it to be restored
            write.HasIndex(w => new { w.DoneAt, w.FailedAt, w.NextAttemptAt });
            write.HasIndex(w => new { w.DealId, w.Id });
        });
        model.Entity<CrmSyncState>(state =>
        {
            state.ToTable("CrmSyncStates");
            state.HasKey(s => s.Provider);
            state.Property(s => s.Provider).HasMaxLength(32);
            state.Property(s => s.LastError).HasMaxLength(1000);
            state.Property(s => s.RateLimitWindow).HasMaxLength(32);
        });
    }
}
