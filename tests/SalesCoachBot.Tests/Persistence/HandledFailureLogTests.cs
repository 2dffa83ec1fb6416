using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Persistence;

/// <summary>A statement that fails in a way the code handles (two hosts or turns adding the same row) leaves no error in the log.</summary>
public sealed class HandledFailureLogTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly CapturedLogs logs = new();
    private BotApplicationFactory host = null!;

    public Task InitializeAsync()
    {
        host = new BotApplicationFactory(database.ConnectionString, logs: logs);
        _ = host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task AUniqueKeyRaceTheCallerHandlesIsNotLoggedAsAFailure()
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();
        foreach (var attempt in new[] { 1, 2 })
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.Inbox.Add(new InboxMessage { DeliveryId = "slack:Ev1", Channel = "slack", Lane = "lane", Payload = "{}" });
            if (attempt == 1)
                await db.SaveChangesAsync();
            else
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync()); // the caller's to handle, as RepDirectory does
        }

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
