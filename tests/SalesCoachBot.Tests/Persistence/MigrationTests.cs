using Microsoft.EntityFrameworkCore;
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
