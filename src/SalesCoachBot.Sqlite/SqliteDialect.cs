using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Sqlite;

internal sealed class SqliteDialect : IDatabaseDialect
{
    public static readonly SqliteDialect Instance = new();

    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite has no timestamp type: store UTC ticks so times compare and sort in SQL.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        conventions.Properties<decimal>().HaveConversion<string>();
    }

    // One host per file: ConversationLocks' in-process gate is the whole lock.
    public Task<IAsyncDisposable?> LockConversationAsync(SalesCoachDbContext db, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(null);

    public async Task MigrateAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetConnectionString() is { } connectionString &&
            new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:" &&
            Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        await db.MigrateIfBehindAsync(cancellationToken);
        // WAL lets readers and the writer work at once; it is a property of the file, set once.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    // SQLite binds by name, scanning the statement's parameters for each one, and has no round trip to save.
    public int RowsPerInsert => 1;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", rows.Select(r => $"({string.Join(", ", r)})"))} ON CONFLICT DO NOTHING";

    // One writer at a time makes the update the claim.
    public async Task<List<OutboxMessage>> ClaimDueAsync(SalesCoachDbContext db, string host, DateTimeOffset now, DateTimeOffset until, int batch,
        CancellationToken cancellationToken)
    {
        var claimed = await db.Outbox
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now))
            .Where(m => !db.Outbox.Any(e => e.Address == m.Address && e.SentAt == null && e.GaveUpAt == null && e.Id < m.Id))
            .OrderBy(m => m.Id).Take(batch)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedBy, host).SetProperty(m => m.LeasedUntil, until), cancellationToken);
        return claimed == 0 ? [] : await db.Outbox.Where(m => m.LeasedBy == host && m.LeasedUntil == until && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }
}
