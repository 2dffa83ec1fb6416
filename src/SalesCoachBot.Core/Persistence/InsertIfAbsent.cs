using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesCoachBot.Persistence;

public static class InsertIfAbsent
{
    /// <summary>
    /// Inserts <paramref name="entry"/> unless a row with the same key is already there (the dialect's statement), so two
    /// turns or hosts racing to write it are not a failed command in the log.
    /// Returns the rows inserted: 1, or 0 when the key was taken.
    /// </summary>
    public static Task<int> InsertIfAbsentAsync<T>(this SalesCoachDbContext db, T entry, CancellationToken cancellationToken) where T : class
    {
        // Through EF's command pipeline: its interceptors and logging see a turn's writes.
        var (table, columns, names) = Insert<T>(db);
        var sql = db.Dialect().InsertIfAbsent(table, names, [[.. columns.Select((_, i) => $"{{{i}}}")]]); // names from the model, values as parameters
        return db.Database.ExecuteSqlRawAsync(sql, columns.Select(c => ProviderValue(c, entry)).ToArray()!, cancellationToken);
    }

    /// <summary>
    /// Inserts each entry whose unique keys are all free, in one transaction (the caller's, or its own), without tracking
    /// them; columns the database generates (an identity) are left to it. One statement is prepared once and reused, so
    /// thirty thousand rows cost thirty thousand executions of it (fewer where the dialect puts many rows in one), not a tracked save.
    /// It runs on the connection directly, outside EF's command pipeline: for runs of many rows, not a turn's writes.
    /// Returns the rows inserted.
    /// </summary>
    public static async Task<int> InsertManyIfAbsentAsync<T>(this SalesCoachDbContext db, IReadOnlyList<T> entries, CancellationToken cancellationToken) where T : class =>
        (await InsertAsync(db, entries, db.Dialect().RowsPerInsert, cancellationToken)).Sum();

    /// <summary>
    /// As <see cref="InsertManyIfAbsentAsync{T}"/>, one row a statement on every provider, and says which were inserted
    /// (false: its key was taken, also by an earlier entry of the same list).
    /// </summary>
    public static async Task<bool[]> InsertEachIfAbsentAsync<T>(this SalesCoachDbContext db, IReadOnlyList<T> entries, CancellationToken cancellationToken) where T : class =>
        [.. (await InsertAsync(db, entries, 1, cancellationToken)).Select(rows => rows == 1)];

    // The rows each statement inserted.
    private static async Task<List<int>> InsertAsync<T>(SalesCoachDbContext db, IReadOnlyList<T> entries, int perStatement, CancellationToken cancellationToken) where T : class
    {
        var (table, columns, names) = Insert<T>(db);
        var dialect = db.Dialect();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // More than one statement commits once, not once a statement.
        await using var own = entries.Count > perStatement && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        DbCommand? full = null;
        try
        {
            var inserted = new List<int>((entries.Count + perStatement - 1) / perStatement);
            foreach (var rows in entries.Chunk(perStatement))
            {
                var command = rows.Length == perStatement ? full ??= Statement(rows.Length) : Statement(rows.Length);
                try
                {
                    for (var r = 0; r < rows.Length; r++)
                    for (var c = 0; c < columns.Count; c++)
                        command.Parameters[r * columns.Count + c].Value = ProviderValue(columns[c], rows[r]) ?? DBNull.Value;
                    inserted.Add(await command.ExecuteNonQueryAsync(cancellationToken));
                }
                finally
                {
                    if (command != full)
                        await command.DisposeAsync();
                }
            }
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return inserted;
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }

        DbCommand Statement(int rowCount)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = dialect.InsertIfAbsent(table, names,
                Enumerable.Range(0, rowCount).Select(r => (IReadOnlyList<string>)[.. columns.Select((_, c) => $"@p{r * columns.Count + c}")]));
            for (var r = 0; r < rowCount; r++)
            for (var c = 0; c < columns.Count; c++)
                command.Parameters.Add(((RelationalTypeMapping)columns[c].GetTypeMapping()).CreateParameter(command, $"@p{r * columns.Count + c}", null, columns[c].IsNullable));
            return command;
        }
    }

    /// <summary>The table and the columns to write, every mapped one the database does not generate, with their names delimited.</summary>
    private static (string Table, List<IProperty> Columns, List<string> Names) Insert<T>(SalesCoachDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null && p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.DelimitIdentifier(table.Name, table.Schema), columns, [.. columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))]);
    }

    /// <summary>The value as the model stores it (a DateTimeOffset may be stored as a number), whatever the provider.</summary>
    private static object? ProviderValue(IProperty column, object row)
    {
        var value = column.PropertyInfo!.GetValue(row);
        return value is not null && column.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
