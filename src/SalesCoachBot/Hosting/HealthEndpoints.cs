using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Hosting;

public static class HealthEndpoints
{
    public const string Ready = "ready";

    /// <summary>
    /// <c>GET /healthz/live</c>: 200 while the process answers (restart it otherwise). <c>GET /healthz/ready</c>
    /// (and <c>/healthz</c>): 200 once the database answers and its schema is this version's, 503 otherwise —
    /// send it traffic only then.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return endpoints;
    }
}

/// <summary>The database answers a query: one warning when it stops (<see cref="DatabaseOutages"/>), not one per probe.</summary>
public sealed class DatabaseAnswers(IDbContextFactory<SalesCoachDbContext> contexts, DatabaseOutages outages) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        }
        catch (Exception e) when (outages.Noted(e))
        {
            return HealthCheckResult.Unhealthy("the database is not answering");
        }
        outages.Answered();
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Ready once every migration of this version is applied (another host may be applying them).</summary>
public sealed class SchemaIsCurrent(IDbContextFactory<SalesCoachDbContext> contexts) : IHealthCheck
{
    private volatile bool current;

    /// <summary>This host has just brought the schema up to date (<see cref="StorageSetup.PrepareDatabaseAsync"/>).</summary>
    public void MarkCurrent() => current = true;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (current)
            return HealthCheckResult.Healthy();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        current = pending == 0;
        return current ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migrations not yet applied");
    }
}
