using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCoachBot.Sqlite;

/// <summary>
/// SQLite lets one connection write at a time; the others wait inside SQLite's busy handler, each asleep on a
/// thread-pool thread in steps of up to 100 ms. Under a burst (a hundred Slack deliveries, a sweep's writes beside
/// chat turns) those sleeping threads were most of the pool, and acknowledgements queued behind them. Here the
/// bot's own writers take turns in the process instead: a write transaction, or a write statement outside one,
/// first waits asynchronously for the file's turn (no thread held), and passes it on the moment it ends.
/// SQLite's own locking still decides; this only orders the bot's writers before they reach it. A turn not given
/// within <see cref="SqliteBusyWait.TimeoutMilliseconds"/> is not waited for further (SQLite's wait then applies).
/// </summary>
/// <remarks>It can go if Microsoft.Data.Sqlite waits for a busy file asynchronously, or for a deployment that outgrows
/// one file's writer: PostgreSQL needs neither.</remarks>
public sealed class SqliteWriteTurns : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(SqliteBusyWait.TimeoutMilliseconds);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> files = new();
    // The turn a connection holds, until its transaction or statement ends.
    private readonly ConditionalWeakTable<DbConnection, Hold> held = new();

    private readonly ConditionalWeakTable<DbTransaction, DbConnection> transactions = new();

    private sealed record Hold(SemaphoreSlim Turn, bool ForTransaction);

    // Transactions: Microsoft.Data.Sqlite begins them IMMEDIATE, so each is a writer from its first statement.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(connection, forTransaction: true, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Take(connection, forTransaction: true);
        return result;
    }

    // A finished transaction no longer names its connection: remember it when the transaction starts.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Ended(transaction);
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Ended(transaction);
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction);
    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => Ended(transaction);

    // A transaction disposed unfinished, or a connection closed mid-statement, gives its turn back here.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Give(connection);
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Given(connection);

    // Statements outside a transaction: only writes wait.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
            await TakeAsync(command.Connection!, forTransaction: false, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
            Take(command.Connection!, forTransaction: false);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
            await TakeAsync(command.Connection!, forTransaction: false, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
            Take(command.Connection!, forTransaction: false);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        GiveStatement(command.Connection);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        GiveStatement(command.Connection);
        return result;
    }

    // A write returning rows (INSERT … RETURNING) has committed once its reader is done with.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        GiveStatement(command.Connection);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => GiveStatement(command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveStatement(command.Connection);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => GiveStatement(command.Connection);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveStatement(command.Connection);
        return Task.CompletedTask;
    }

    private static bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && StartsWithWrite(command.CommandText);

    private static bool StartsWithWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private SemaphoreSlim Turn(DbConnection connection) => files.GetOrAdd(connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    private async Task TakeAsync(DbConnection connection, bool forTransaction, CancellationToken cancellationToken)
    {
        if (held.TryGetValue(connection, out _))
            return;
        var turn = Turn(connection);
        if (await turn.WaitAsync(Patience, cancellationToken))
            held.AddOrUpdate(connection, new Hold(turn, forTransaction));
    }

    private void Take(DbConnection connection, bool forTransaction)
    {
        if (held.TryGetValue(connection, out _))
            return;
        var turn = Turn(connection);
        if (turn.Wait(Patience))
            held.AddOrUpdate(connection, new Hold(turn, forTransaction));
    }

    // The end of a statement gives back only a turn that statement took, not its transaction's.
    private void GiveStatement(DbConnection? connection)
    {
        if (connection is not null && held.TryGetValue(connection, out var hold) && !hold.ForTransaction)
            Give(connection);
    }

    private void Give(DbConnection? connection)
    {
        if (connection is not null && held.TryGetValue(connection, out var hold) && held.Remove(connection))
            hold.Turn.Release();
    }

    private Task Ended(DbTransaction transaction)
    {
        if (transactions.TryGetValue(transaction, out var connection))
        {
            transactions.Remove(transaction);
            Give(connection);
        }
        return Task.CompletedTask;
    }

    private Task Given(DbConnection? connection)
    {
        Give(connection);
        return Task.CompletedTask;
    }
}
