using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.PostgreSQL;

internal sealed class PostgresDialect : IDatabaseDialect
{
    public static readonly PostgresDialect Instance = new();

    // timestamptz holds an instant; Npgsql writes only offset-zero values, so every time is stored as UTC.
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<ToUniversalTime>();

    public async Task MigrateAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        // On a new database EF would first fail to read the migrations history (and log it as an error).
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        await db.MigrateIfBehindAsync(cancellationToken);
    }

    // Many rows a round trip.
    public int RowsPerInsert => 64;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", rows.Select(r => $"({string.Join(", ", r)})"))} ON CONFLICT DO NOTHING";

    // FOR UPDATE SKIP LOCKED: hosts claiming at once take different rows.
    public async Task<List<OutboxMessage>> ClaimDueAsync(SalesCoachDbContext db, string host, DateTimeOffset now, DateTimeOffset until, int batch,
        CancellationToken cancellationToken)
    {
        var utcNow = now.ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.Database.SqlQuery<long>($"""
            SELECT o."Id" AS "Value" FROM "Outbox" AS o
            WHERE o."SentAt" IS NULL AND o."GaveUpAt" IS NULL AND o."NextAttemptAt" <= {utcNow} AND (o."LeasedUntil" IS NULL OR o."LeasedUntil" < {utcNow})
              AND NOT EXISTS (SELECT 1 FROM "Outbox" AS e WHERE e."Address" = o."Address" AND e."SentAt" IS NULL AND e."GaveUpAt" IS NULL AND e."Id" < o."Id")
            ORDER BY o."Id" LIMIT {batch} FOR UPDATE OF o SKIP LOCKED
            """).ToListAsync(cancellationToken);
        await db.Outbox.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedBy, host).SetProperty(m => m.LeasedUntil, until), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.Outbox.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    // A transaction-level advisory lock on a connection of its own pool (so turns waiting for their conversation never
    // take the connections running turns need). It ends with the transaction, or with the session if the host dies.
    public async Task<IAsyncDisposable?> LockConversationAsync(SalesCoachDbContext db, string key, CancellationToken cancellationToken)
    {
        var locks = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { ApplicationName = "salescoach conversation locks" };
        var connection = new NpgsqlConnection(locks.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, hashtext(@key))", connection, transaction);
            command.Parameters.AddWithValue("space", ConversationLockSpace);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection; // disposing it rolls the transaction back, which releases the lock
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private const int ConversationLockSpace = 0x5A1E; // the two-key advisory locks, apart from the start-up lock's one key

    private sealed class ToUniversalTime() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
