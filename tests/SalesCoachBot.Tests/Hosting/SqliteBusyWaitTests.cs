using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Sqlite;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Hosting;

public sealed class SqliteBusyWaitTests : TeamsHostTest
{
    [Fact]
    public async Task EveryConnectionOfTheBotWaitsForAnotherWriterInSqliteItself()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();
        for (var i = 0; i < 2; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal((long)SqliteBusyWait.TimeoutMilliseconds, await command.ExecuteScalarAsync());
        }
    }
}
