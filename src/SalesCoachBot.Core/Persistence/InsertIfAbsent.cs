using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesCoachBot.Persistence;

public static class InsertIfAbsent
{
    /// <summary>
    /// Inserts <paramref name="entry"/> unless a row with its key is already there (ON CONFLICT DO NOTHING, the same in
    /// SQLite and PostgreSQL), so two turns or hosts racing to write it are not a failed command in the log.
    /// Returns the rows inserted: 1, or 0 when the key was taken.
    /// </summary>
    public static Task<int> InsertIfAbsentAsync<T>(this SalesCoachDbContext db, T entry, CancellationToken cancellationToken) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        // Values as the model stores them (a DateTimeOffset may be stored as a number), whatever the provider.
        var values = columns.Select(c => c.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(c.PropertyInfo!.GetValue(entry)) : c.PropertyInfo!.GetValue(entry)).ToArray();
        var tableName = (entity.GetSchema() is { } schema ? $"\"{schema}\"." : "") + $"\"{entity.GetTableName()}\"";
        var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(table)}\"");
        var sql = $"INSERT INTO {tableName} ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) " +
                  $"VALUES ({string.Join(", ", values.Select((_, i) => $"{{{i}}}"))}) ON CONFLICT ({string.Join(", ", key)}) DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(sql, values!, cancellationToken);
    }
}
