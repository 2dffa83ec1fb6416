using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Outbox;

namespace SalesCoachBot.Persistence;

/// <summary>
/// What the bot does its own way on each database engine. Each provider project implements it once and hands it to
/// every context through its own <c>Use…</c> call (<see cref="DatabaseDialect.UseDialect"/>), so the core needs no provider.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>How the model's types are stored where the engine has no type of its own for them.</summary>
    void ConfigureConventions(ModelConfigurationBuilder conventions);

    /// <summary>Creates the database on first run and upgrades an older one in place.</summary>
    Task MigrateAsync(SalesCoachDbContext db, CancellationToken cancellationToken);

    /// <summary>How many rows one statement of <see cref="InsertIfAbsent.InsertManyIfAbsentAsync{T}"/> carries.</summary>
    int RowsPerInsert { get; }

    /// <summary>
    /// An insert into <paramref name="table"/> of <paramref name="rows"/> (each its values' placeholders, in the order of
    /// <paramref name="columns"/>) that leaves out a row whose unique key is taken instead of failing. Names come delimited.
    /// </summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows);

    /// <summary>
    /// Leases to <paramref name="host"/>, until <paramref name="until"/>, up to <paramref name="batch"/> messages due at
    /// <paramref name="now"/> that nobody holds, each the next one for its conversation (so one host at a time sends to a
    /// conversation, in order); two hosts claiming at once never get the same message. Returns them in id order.
    /// </summary>
    Task<List<OutboxMessage>> ClaimDueAsync(SalesCoachDbContext db, string host, DateTimeOffset now, DateTimeOffset until, int batch,
        CancellationToken cancellationToken);

    /// <summary>
    /// Waits for, then holds until disposed, the lock that lets one host at a time run a turn of the conversation
    /// memory <paramref name="key"/>; null where one host serves the database (SQLite), whose turns wait in-process.
    /// </summary>
    Task<IAsyncDisposable?> LockConversationAsync(SalesCoachDbContext db, string key, CancellationToken cancellationToken);
}
