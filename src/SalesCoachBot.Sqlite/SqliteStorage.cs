using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Sqlite;

public static class SqliteStorage
{
    // One of each per process: the write turns are per file, whichever context writes to it.
    private static readonly SqliteBusyWait BusyWait = new();
    private static readonly SqliteWriteTurns WriteTurns = new();

    /// <summary>A SQLite file with this assembly's migrations and its statements.</summary>
    public static DbContextOptionsBuilder UseSqliteStorage(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name)
                // A list in a query is one JSON parameter (json_each), whatever its length: one statement for a sweep's
                // fifty thousand deals, never SQLite's limit of 32,766 parameters.
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(BusyWait, WriteTurns)
            // SQLite rebuilds a table to change it; EF warns that part of that runs outside the migration's transaction.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning))
            .UseDialect(SqliteDialect.Instance);
}

/// <summary>Lets `dotnet ef migrations add --project src/SalesCoachBot.Sqlite` build the SQLite model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SalesCoachDbContext>
{
    public SalesCoachDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        options.UseSqliteStorage("Data Source=design.db");
        return new(options.Options);
    }
}
