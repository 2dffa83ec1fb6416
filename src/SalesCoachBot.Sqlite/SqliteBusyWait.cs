using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCoachBot.Sqlite;

/// <summary>
/// When two turns write to the SQLite file at once, the second waits for the first. Microsoft.Data.Sqlite
/// retries a busy statement after sleeping 150 ms, so under load most of a turn's time went to those sleeps
/// (p99 near a second at eight concurrent turns while the CPU idled). SQLite's own busy handler waits in
/// steps of a few milliseconds instead; this turns it on for every connection the bot opens. Other
/// databases are left alone.
/// </summary>
/// <remarks>It can go when Microsoft.Data.Sqlite's own retry waits in short steps.</remarks>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for another writer before the driver's own retries take over.</summary>
    public const int TimeoutMilliseconds = 5_000;

    // Pooled connections keep the setting; it is set once per SQLite handle.
    private readonly ConditionalWeakTable<object, object> configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || configured.TryGetValue(handle, out _))
            return;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {TimeoutMilliseconds};";
        command.ExecuteNonQuery();
        configured.AddOrUpdate(handle, this);
    }
}
