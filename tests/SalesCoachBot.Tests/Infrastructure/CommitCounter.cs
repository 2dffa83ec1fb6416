using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// Counts the database commits the bot's contexts make: each write statement run outside a transaction
/// (SQLite commits it on its own), plus each committed transaction. Reads are not counted.
/// </summary>
public sealed class CommitCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int commits;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> writes = new();

    public int Commits => Volatile.Read(ref commits);

    /// <summary>The write statements counted, to say what a failing count was made of.</summary>
    public string Writes => string.Join("\n---\n", writes);

    public void Reset()
    {
        Interlocked.Exchange(ref commits, 0);
        writes.Clear();
    }

    /// <summary>Adds the counter to every context the host's factory makes.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureDbContext<SalesCoachDbContext>((_, options) => options.AddInterceptors(this));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commits);
        return Task.CompletedTask;
    }

    private void Count(DbCommand command)
    {
        if (!IsWrite(command.CommandText))
            return;
        writes.Enqueue(command.CommandText);
        if (command.Transaction is null)
            Interlocked.Increment(ref commits);
    }

    private static bool IsWrite(string sql)
    {
        var text = sql.TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) ||
               text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase) ||
               sql.Contains("\nINSERT", StringComparison.OrdinalIgnoreCase) || sql.Contains("\nUPDATE", StringComparison.OrdinalIgnoreCase) ||
               sql.Contains("\nDELETE", StringComparison.OrdinalIgnoreCase);
    }
}
