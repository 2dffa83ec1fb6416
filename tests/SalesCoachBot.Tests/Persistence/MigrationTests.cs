using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Persistence;

public class MigrationTests : BotTest
{
    [StoreFact]
    public async Task StartUpAppliesEveryMigrationToANewDatabase()
    {
        await using var db = Bot.Database();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [StoreFact]
    public void TheModelHasNoChangesWithoutAMigration()
    {
        using var db = Bot.Database();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: dotnet ef migrations add <Name> --project src/SalesCoachBot.Core -o Persistence/Migrations");
    }
}

/// <summary>A database the previous release wrote (SQLite, its last migration Audit) is upgraded in place with nothing lost.</summary>
public sealed class UpgradeFromPreviousReleaseTests : IDisposable
{
    private const string PreviousRelease = "20261127160442_Audit";
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TheBotStartsOnThePreviousReleasesDatabaseAndKeepsItsDealsAndQueuedMessages()
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>().UseSqlite(database.ConnectionString).Options;
        await using (var old = new SalesCoachDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(PreviousRelease);
            var alice = new SalesCoachBot.Reps.Rep { DisplayName = "Alice Example", Email = "alice@example.com" };
            old.Deals.Add(new SalesCoachBot.Deals.Deal { Name = "Acme Corp", Account = "Acme Corp", Owner = alice, Stage = SalesCoachBot.Deals.DealStage.Discovery });
            await old.SaveChangesAsync(); // those tables are unchanged since; the outbox is not, so it is written as that release wrote it
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Outbox (Id, "Key", Kind, RepId, Channel, Address, ReplyJson, CreatedAt, NextAttemptAt, Attempts)
                VALUES (1, 'nudge:1', 'nudge', 1, 'test', 'rep-1', '{{"Text":"Acme is stalled"}}', 0, 0, 0);
                """);
        }

        await using var bot = await BotHarness.StartAsync(database.ConnectionString);

        await using var db = bot.Database();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("Acme Corp", (await db.Deals.SingleAsync()).Name);
        var queued = await db.Outbox.SingleAsync();
        Assert.Equal(("nudge:1", null, null), (queued.Key, queued.LeasedBy, queued.LeasedUntil));
        Assert.Empty(await db.Inbox.ToListAsync());
    }
}
