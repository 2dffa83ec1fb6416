using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCoachBot.Persistence;

public static class DatabaseDialect
{
    /// <summary>Gives every context these options open <paramref name="dialect"/>; for a provider project's <c>Use…</c> call.</summary>
    public static DbContextOptionsBuilder UseDialect(this DbContextOptionsBuilder options, IDatabaseDialect dialect)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new DialectExtension(dialect));
        return options;
    }

    /// <summary>The dialect of the database under <paramref name="db"/>.</summary>
    public static IDatabaseDialect Dialect(this SalesCoachDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<DialectExtension>()?.Dialect
        ?? throw new InvalidOperationException("The context was opened without a database dialect: configure it with a provider project's " +
            "Use… call (UseSqliteStorage, UsePostgres), not the EF provider's own.");

    /// <summary>Applies the migrations the database lacks, if any.</summary>
    public static async Task MigrateIfBehindAsync(this SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        // Reading the migrations history is cheap; Migrate also compares the model with the last migration, which is not.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
    }

    private sealed class DialectExtension(IDatabaseDialect dialect) : IDbContextOptionsExtension
    {
        public IDatabaseDialect Dialect => dialect;
        public DbContextOptionsExtensionInfo Info => field ??= new ExtensionInfo(this);
        public void ApplyServices(IServiceCollection services) { }
        public void Validate(IDbContextOptions options) { }

        private sealed class ExtensionInfo(DialectExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            private Type DialectType => extension.Dialect.GetType();
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => $"Dialect={DialectType.Name} ";
            public override int GetServiceProviderHashCode() => DialectType.GetHashCode();
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo info && info.DialectType == DialectType;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["SalesCoach:Dialect"] = DialectType.FullName!;
        }
    }
}
