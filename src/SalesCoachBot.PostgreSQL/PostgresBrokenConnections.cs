using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.PostgreSQL;

/// <summary>
/// When the server goes away (a restart, a fail-over), every idle pooled connection is dead too: the first failure
/// empties the pool, so once the server is back each statement opens a fresh connection instead of failing once
/// per stale one.
/// </summary>
internal sealed class PostgresBrokenConnections : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly PostgresBrokenConnections Instance = new();

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Clear(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Clear(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Clear(DbConnection? connection, Exception failure)
    {
        if (connection is NpgsqlConnection && DatabaseOutages.IsUnavailable(failure))
            PostgresStorage.ForgetPooledConnections(); // Quartz's connections too
    }
}
