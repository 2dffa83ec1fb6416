using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesCoachBot.Deals;
using SalesCoachBot.Digests;
using SalesCoachBot.Goals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Outbox;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding.Learning;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Persistence;

public sealed class SalesCoachDbContext(DbContextOptions<SalesCoachDbContext> options) : DbContext(options)
{
    public DbSet<Rep> Reps => Set<Rep>();
    public DbSet<RepAccount> RepAccounts => Set<RepAccount>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<BotStateEntry> BotState => Set<BotStateEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();
    public DbSet<LearnedExample> LearnedExamples => Set<LearnedExample>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Forecast.ChartImage> ChartImages => Set<Forecast.ChartImage>();
    public DbSet<Wins.WinWireSubscription> WinWires => Set<Wins.WinWireSubscription>();
    public DbSet<Crm.CrmLink> CrmLinks => Set<Crm.CrmLink>();
    public DbSet<Crm.CrmWrite> CrmWrites => Set<Crm.CrmWrite>();
    public DbSet<Crm.CrmSyncState> CrmSyncStates => Set<Crm.CrmSyncState>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        this.Dialect().ConfigureConventions(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        Crm.CrmModel.Configure(modelBuilder);
        modelBuilder.Entity<LearnedExample>(example =>
        {
            example.Property(e => e.Label).HasMaxLength(64);
            example.Property(e => e.Text).HasMaxLength(500);
            example.HasIndex(e => new { e.Label, e.Text });
        });
        modelBuilder.Entity<Rep>(rep =>
        {
            rep.Property(r => r.DisplayName).HasMaxLength(200);
            rep.Property(r => r.Email).HasMaxLength(320);
            rep.Property(r => r.TimeZone).HasMaxLength(64);
            rep.HasIndex(r => r.Email);
            rep.HasMany(r => r.Accounts).WithOne().HasForeignKey(a => a.RepId);
            rep.HasOne<Rep>().WithMany().HasForeignKey(r => r.ManagerId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<RepAccount>(account =>
        {
            account.ToTable("ChannelAccounts");
            account.Property(a => a.Channel).HasMaxLength(32);
            account.Property(a => a.AccountId).HasMaxLength(200);
            account.Property(a => a.TenantId).HasMaxLength(64);
            account.Property(a => a.Address).HasMaxLength(4000);
            account.HasIndex(a => new { a.Channel, a.AccountId }).IsUnique();
        });
        modelBuilder.Entity<Deal>(deal =>
        {
            deal.Property(d => d.Name).HasMaxLength(200);
            deal.Property(d => d.Account).HasMaxLength(200);
            deal.Property(d => d.Currency).HasMaxLength(3);
            deal.Property(d => d.CloseReason).HasMaxLength(1000);
            deal.Property(d => d.ExternalId).HasMaxLength(200);
            deal.HasIndex(d => d.ExternalId).IsUnique();
            deal.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId);
            deal.HasMany(d => d.StageHistory).WithOne(c => c.Deal).HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
            deal.HasIndex(d => new { d.OwnerId, d.Stage });
            deal.HasQueryFilter(d => d.DeletedAt == null);
        });
        modelBuilder.Entity<Forecast.ChartImage>(chart =>
        {
            chart.HasKey(c => c.Token);
            chart.Property(c => c.Token).HasMaxLength(64);
            chart.HasIndex(c => c.ExpiresAt);
        });
        modelBuilder.Entity<Wins.WinWireSubscription>(wire =>
        {
            wire.HasOne<Rep>().WithMany().HasForeignKey(w => w.ManagerId).OnDelete(DeleteBehavior.Cascade);
            wire.HasIndex(w => w.ManagerId).IsUnique();
            wire.Property(w => w.Channel).HasMaxLength(32);
            wire.Property(w => w.ConversationId).HasMaxLength(300);
        });
        modelBuilder.Entity<StageChange>(change =>
        {
            change.HasIndex(c => new { c.DealId, c.At });
            change.Property(c => c.Reason).HasMaxLength(1000);
            change.HasQueryFilter(c => c.Deal!.DeletedAt == null);
        });
        modelBuilder.Entity<Interaction>(interaction =>
        {
            interaction.Property(i => i.Summary).HasMaxLength(4000);
            interaction.Property(i => i.NextStep).HasMaxLength(1000);
            interaction.HasOne(i => i.Deal).WithMany().HasForeignKey(i => i.DealId).OnDelete(DeleteBehavior.Cascade);
            interaction.HasQueryFilter(i => i.Deal!.DeletedAt == null);
            interaction.HasOne<Rep>().WithMany().HasForeignKey(i => i.RepId);
            interaction.HasIndex(i => new { i.DealId, i.OccurredAt });
        });
        modelBuilder.Entity<FollowUp>(followUp =>
        {
            followUp.Property(f => f.Note).HasMaxLength(1000);
            followUp.HasOne(f => f.Deal).WithMany().HasForeignKey(f => f.DealId).OnDelete(DeleteBehavior.Cascade);
            followUp.HasQueryFilter(f => f.Deal!.DeletedAt == null);
            followUp.HasOne<Rep>().WithMany().HasForeignKey(f => f.RepId);
            followUp.HasIndex(f => new { f.DueOn, f.RemindedAt });
        });
        modelBuilder.Entity<Goal>(goal =>
        {
            goal.HasOne<Rep>().WithMany().HasForeignKey(g => g.RepId).OnDelete(DeleteBehavior.Cascade);
            goal.HasIndex(g => new { g.RepId, g.Metric, g.Period }).IsUnique();
            goal.Property(g => g.Currency).HasMaxLength(3);
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => m.Key).IsUnique();
            message.HasIndex(m => new { m.SentAt, m.GaveUpAt, m.NextAttemptAt });
            message.HasIndex(m => new { m.Address, m.SentAt });
            // Finds a conversation's next message to send (what a claim checks for every row it takes).
            message.HasIndex(m => new { m.Address, m.Id }, "IX_Outbox_Waiting").HasFilter("\"SentAt\" IS NULL AND \"GaveUpAt\" IS NULL");
            message.Property(m => m.LeasedBy).HasMaxLength(200);
            message.Property(m => m.Key).HasMaxLength(300);
            message.Property(m => m.Kind).HasConversion(k => k.Name(), name => MessageKinds.Parse(name)).HasMaxLength(32);
            message.Property(m => m.Channel).HasMaxLength(32);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });
        modelBuilder.Entity<InboxMessage>(message =>
        {
            message.ToTable("Inbox");
            message.HasIndex(m => m.DeliveryId).IsUnique();
            message.HasIndex(m => new { m.DoneAt, m.Lane, m.Id });
            message.Property(m => m.DeliveryId).HasMaxLength(200);
            message.Property(m => m.Channel).HasMaxLength(32);
            message.Property(m => m.Lane).HasMaxLength(300);
            message.Property(m => m.LeasedBy).HasMaxLength(200);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });
        modelBuilder.Entity<DigestSubscription>(digest =>
        {
            digest.HasOne<Rep>().WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.Cascade);
            digest.HasIndex(d => new { d.ConversationId, d.ManagerId }).IsUnique();
            digest.Property(d => d.Channel).HasMaxLength(32);
            digest.Property(d => d.ConversationId).HasMaxLength(300);
            digest.Property(d => d.TimeZone).HasMaxLength(64);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("Audit");
            entry.Property(e => e.Actor).HasMaxLength(320);
            entry.Property(e => e.Channel).HasMaxLength(32);
            entry.Property(e => e.ConversationId).HasMaxLength(300);
            entry.Property(e => e.Change).HasMaxLength(1000);
            entry.HasIndex(e => e.At);
        });
        modelBuilder.Entity<BotStateEntry>(entry =>
        {
            entry.HasKey(e => e.Key);
            entry.Property(e => e.Key).HasMaxLength(512);
            entry.Property(e => e.ETag).HasMaxLength(64).IsConcurrencyToken();
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var mark = MarkInboxTurnApplied();
        try
        {
            return Saved(base.SaveChanges(acceptAllChangesOnSuccess), mark);
        }
        finally
        {
            Forget(mark);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var mark = MarkInboxTurnApplied();
        try
        {
            return Saved(await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), mark);
        }
        finally
        {
            Forget(mark);
        }
    }

    /// <summary>
    /// Commits writes that bypass SaveChanges, recording the running stored message's turn as applied with them (its
    /// first change) and its answer, when known.
    /// </summary>
    public async Task CommitMarkingInboxTurnAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (InboxTurn.Current is not { } turn)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        var (now, answer) = (turn.Clock.GetUtcNow(), turn.AnswerJson);
        var row = Inbox.Where(m => m.Id == turn.MessageId);
        await (turn.Applied
            ? row.ExecuteUpdateAsync(s => s.SetProperty(m => m.AnswerJson, answer), cancellationToken)
            : row.ExecuteUpdateAsync(s => s.SetProperty(m => m.AppliedAt, now).SetProperty(m => m.AnswerJson, answer), cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        (turn.Applied, turn.AnswerKept) = (true, answer is not null);
    }

    // The first change a stored message's turn saves carries the message's AppliedAt in the same transaction.
    private (InboxTurn Turn, InboxMessage Row)? MarkInboxTurnApplied()
    {
        if (InboxTurn.Current is not { Applied: false } turn || !ChangeTracker.HasChanges()
            || ChangeTracker.Entries<InboxMessage>().Any(e => e.Entity.Id == turn.MessageId))
            return null;
        var row = new InboxMessage { Id = turn.MessageId, DeliveryId = "", Channel = "", Lane = "", Payload = "" };
        var entry = Inbox.Attach(row);
        entry.Property(m => m.AppliedAt).CurrentValue = turn.Clock.GetUtcNow();
        entry.Property(m => m.AppliedAt).IsModified = true;
        return (turn, row);
    }

    private int Saved(int rows, (InboxTurn Turn, InboxMessage Row)? mark)
    {
        if (mark is null)
            return rows;
        if (Database.CurrentTransaction is null) // committed now; inside a caller's transaction the next save marks it again
            mark.Value.Turn.Applied = true;
        return rows - 1;
    }

    private void Forget((InboxTurn Turn, InboxMessage Row)? mark)
    {
        if (mark is { Row: var row })
            Entry(row).State = EntityState.Detached;
    }
}
