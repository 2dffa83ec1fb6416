using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Liveness says the process answers; readiness says the database answers and has this version's schema.</summary>
public class HealthTests : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected BotApplicationFactory Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (this is IOnPostgres && PostgresServer.ConnectionString is null)
            return; // skipped
        Database = await TestDatabase.CreateAsync(this is IOnPostgres);
        Host = new BotApplicationFactory(Database.ConnectionString, settings: Database.Settings.Where(s => s.Key.StartsWith("Storage:")).ToDictionary(s => s.Key, s => s.Value!));
    }

    public async Task DisposeAsync()
    {
        if (Host is null)
            return;
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    [StoreFact]
    public async Task LiveAndReadyAnswer200OnACurrentDatabase()
    {
        var client = Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [StoreFact]
    public async Task NotReadyWhileMigrationsAreStillToBeApplied()
    {
        _ = Host.Server;
        var contexts = Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var history = db.GetService<IHistoryRepository>();
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(last)); // as if another host were still applying it
        }

        var check = await new SchemaIsCurrent(contexts).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, check.Status);
        Assert.Equal("1 migrations not yet applied", check.Description);
    }
}

public sealed class HealthTestsOnPostgres : HealthTests, IOnPostgres
{
    [StoreFact]
    public async Task NotReadyButLiveWhenTheDatabaseIsGone()
    {
        var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        await using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
            await using var stop = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'; ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false;", admin);
            await stop.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
