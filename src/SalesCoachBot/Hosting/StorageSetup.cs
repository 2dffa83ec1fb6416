using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Hosting;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'Sqlite' (the only database this version supports).")
            .Validate(_ => !string.IsNullOrWhiteSpace(connectionString),
                $"ConnectionStrings:{StorageOptions.ConnectionStringName} is empty; e.g. 'Data Source=salescoach.db'.")
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<SalesCoachDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Creates the database on first run and upgrades an older one in place.</summary>
    public static async Task PrepareDatabaseAsync(this IHost host)
    {
        _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value; // fails fast on bad settings
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        if (db.Database.GetConnectionString() is { } connectionString &&
            new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file &&
            Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync();
        // WAL lets readers and the writer work at once; it is a property of the file, set once.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
