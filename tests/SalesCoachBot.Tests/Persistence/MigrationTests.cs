using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.PostgreSQL;
using SalesCoachBot.Sqlite;
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
            "The EF model changed without a migration: dotnet ef migrations add <Name> --project src/SalesCoachBot.Sqlite -o Migrations");
    }
}

/// <summary>
/// A database the previous release wrote (its last migration: Audit on SQLite, InitialSchema on PostgreSQL)
/// is upgraded in place with nothing lost.
/// </summary>
public class UpgradeFromPreviousReleaseTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private bool OnPostgres => this is IOnPostgres;
    private string PreviousRelease => OnPostgres ? "20261127172002_InitialSchema" : "20261127160442_Audit";

    public async Task InitializeAsync()
    {
        if (OnPostgres && PostgresServer.ConnectionString is null)
            return; // skipped
        database = await TestDatabase.CreateAsync(OnPostgres);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
            await database.DisposeAsync();
    }

    [StoreFact]
    public async Task TheBotStartsOnThePreviousReleasesDatabaseAndKeepsItsDealsAndQueuedMessages()
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        if (OnPostgres)
            options.UsePostgres(database.ConnectionString);
        else
            options.UseSqliteStorage(database.ConnectionString);
        await using (var old = new SalesCoachDbContext(options.Options))
        {
            await old.GetService<IMigrator>().MigrateAsync(PreviousRelease);
            object at = OnPostgres ? BotHarness.Start : 0L; // SQLite keeps times as numbers
            // The reps and the outbox have changed since, so they are written as that release wrote them; the deals have not.
            await old.Database.ExecuteSqlAsync($"""INSERT INTO "Reps" ("DisplayName", "Email", "CreatedAt", "IsManager") VALUES ('Alice Example', 'alice@example.com', {at}, {false})""");
            var alice = await old.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "Reps" """).SingleAsync();
            old.Deals.Add(new SalesCoachBot.Deals.Deal { Name = "Acme Corp", Account = "Acme Corp", OwnerId = alice, Stage = SalesCoachBot.Deals.DealStage.Discovery });
            await old.SaveChangesAsync();
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "Outbox" ("Key", "Kind", "RepId", "Channel", "Address", "ReplyJson", "CreatedAt", "NextAttemptAt", "Attempts")
                VALUES ('nudge:1', 'nudge', {alice}, 'test', 'rep-1', {"""{"Text":"Acme is stalled"}"""}, {at}, {at}, 0)
                """);
        }

        await using var bot = await BotHarness.StartAsync(database.ConnectionString, settings: database.Settings);

        await using var db = bot.Database();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("Acme Corp", (await db.Deals.SingleAsync()).Name);
        var queued = await db.Outbox.SingleAsync();
        Assert.Equal(("nudge:1", null, null), (queued.Key, queued.LeasedBy, queued.LeasedUntil));
        Assert.Equal("Acme is stalled", SalesCoachBot.Outbox.OutboxWriter.Deserialize(queued.ReplyJson).Text);
        Assert.Empty(await db.Inbox.ToListAsync());
        // New rows still get ids of their own after the rows written before the upgrade.
        db.Outbox.Add(new SalesCoachBot.Outbox.OutboxMessage { Key = "nudge:2", Kind = SalesCoachBot.Outbox.MessageKind.Nudge, Channel = "test", Address = "rep-1", ReplyJson = queued.ReplyJson });
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.Outbox.CountAsync());
    }

    [StoreFact]
    public async Task ATeamsActivityClaimedBeforeTheUpgradeIsNotAnsweredAgainAfterIt()
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        if (OnPostgres)
            options.UsePostgres(database.ConnectionString);
        else
            options.UseSqliteStorage(database.ConnectionString);
        await using var connector = await FakeBotConnector.StartAsync();
        var message = TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000");
        var deliveryId = $"msteams:{TeamsActivities.PersonalConversationId}:message:{message["id"]}";
        await using (var old = new SalesCoachDbContext(options.Options))
        {
            await old.GetService<IMigrator>().MigrateAsync(PreviousRelease);
            object at = OnPostgres ? BotHarness.Start : 0L; // SQLite keeps times as numbers
            // The previous release answered the activity and took its id in its own table.
            await old.Database.ExecuteSqlAsync($"""INSERT INTO "ProcessedDeliveries" ("Id", "ReceivedAt") VALUES ({deliveryId}, {at})""");
        }

        await using var host = new BotApplicationFactory(database.ConnectionString, settings: database.Settings.ToDictionary(s => s.Key, s => s.Value!));
        var client = host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", message)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", message)).StatusCode);

        Assert.Empty(connector.Sent);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.Empty(await db.Deals.ToListAsync());
        var claim = await db.Inbox.SingleAsync();
        Assert.Equal((deliveryId, "msteams", ""), (claim.DeliveryId, claim.Channel, claim.Payload));
        Assert.NotNull(claim.DoneAt);
    }
}

public sealed class UpgradeFromPreviousReleaseTestsOnPostgres : UpgradeFromPreviousReleaseTests, IOnPostgres;
