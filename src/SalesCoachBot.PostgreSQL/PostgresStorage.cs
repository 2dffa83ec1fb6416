using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.PostgreSQL;

public static class PostgresStorage
{
    /// <summary>Closes every idle pooled connection, and each busy one when it is returned (the server dropped them all).</summary>
    public static void ForgetPooledConnections() => NpgsqlConnection.ClearAllPools();

    /// <summary>PostgreSQL with this assembly's migrations and its statements.</summary>

    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)) // a list is one array parameter (= ANY), whatever its length
            .UseDialect(PostgresDialect.Instance)
            .AddInterceptors(PostgresBrokenConnections.Instance);
}

/// <summary>Lets `dotnet ef migrations add --project src/SalesCoachBot.PostgreSQL` build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SalesCoachDbContext>
{
    public SalesCoachDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        options.UsePostgres("Host=localhost;Database=salescoach");
        return new(options.Options);
    }
}
