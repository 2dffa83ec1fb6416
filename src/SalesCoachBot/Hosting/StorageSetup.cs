using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SalesCoachBot.Persistence;
using SalesCoachBot.PostgreSQL;
using SalesCoachBot.Sqlite;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Hosting;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config.GetConnectionString(StorageOptions.ConnectionStringName))
            .Validate(o => o.IsPostgres || string.Equals(o.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'Sqlite' (default, one host) or 'PostgreSQL' (one or more hosts).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"ConnectionStrings:{StorageOptions.ConnectionStringName} is empty; e.g. 'Data Source=salescoach.db'.")
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<SalesCoachDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.IsPostgres)
            {
                options.UsePostgres(storage.ConnectionString!);
                services.GetRequiredService<DatabaseOutages>().ConnectionsBroken = PostgresStorage.ForgetPooledConnections;
            }
            else
                options.UseSqliteStorage(storage.ConnectionString!);
            // A failed statement is the caller's to report: an outage once (DatabaseOutages), a handled race not at all.
            options.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
        });
        // The readiness answer says the database is away; DatabaseOutages logs it once, not each probe.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<IOptions<StorageOptions>>().Value.InstanceId is { Length: > 0 } id ? new HostInstance(id) : HostInstance.FromMachine());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseAnswers>("database", tags: [HealthEndpoints.Ready])
            .AddCheck<SchemaIsCurrent>("schema", tags: [HealthEndpoints.Ready]);
        builder.Services.AddSingleton<SchemaIsCurrent>();
        builder.Services.AddStartUpLaneWork<StoredMemoryUpgrade>();
        return builder;
    }

    /// <summary>
    /// On PostgreSQL, the lock hosts take in turn to prepare what they share (the schema, Quartz's tables and
    /// its cluster state); held until disposed. On SQLite (one host) there is nothing to wait for: null.
    /// </summary>
    public static async Task<IAsyncDisposable?> TakeStartUpLockAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return storage.IsPostgres ? await PostgresStartUpLock.TakeAsync(storage.ConnectionString!, cancellationToken) : null;
    }

    /// <summary>
    /// Creates the database on first run and upgrades an older one in place, then runs <paramref name="seed"/>
    /// (data every host writes at start-up); on PostgreSQL both under a lock, so hosts starting together do
    /// it once, one after the other.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, Func<IServiceProvider, Task> seed)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        await using var startUpLock = await services.TakeStartUpLockAsync(CancellationToken.None);
        await db.Dialect().MigrateAsync(db, CancellationToken.None);
        await seed(scope.ServiceProvider);
        services.GetService<SchemaIsCurrent>()?.MarkCurrent();
    }
}
