using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>The Bot Framework delivers a Teams activity again when it thinks the first delivery failed: the repeat is answered once.</summary>
public class TeamsRepeatedDeliveryTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private FakeBotConnector connector = null!;
    private BotApplicationFactory host = null!;
    private readonly CapturedLogs logs = new();

    public async Task InitializeAsync()
    {
        if (this is IOnPostgres && PostgresServer.ConnectionString is null)
            return; // skipped
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        connector = await FakeBotConnector.StartAsync();
        host = new BotApplicationFactory(database.ConnectionString, settings: database.Settings.ToDictionary(s => s.Key, s => s.Value!), logs: logs);
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        await host.DisposeAsync();
        await connector.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task TheSameActivityPostedTwiceCreatesOneDealAndOneReply()
    {
        var message = TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000");
        var client = host.CreateClient();

        var first = await client.PostAsJsonAsync("/api/messages", message);
        var repeat = await client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, repeat.StatusCode));
        await AssertAnsweredOnceAsync();
    }

    [StoreFact]
    public async Task ARepeatArrivingWhileTheFirstDeliveryRunsIsAnsweredOnce()
    {
        var message = TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000");
        var client = host.CreateClient();

        var responses = await Task.WhenAll(client.PostAsJsonAsync("/api/messages", message), client.PostAsJsonAsync("/api/messages", message));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"answered {r.StatusCode}"));
        await AssertAnsweredOnceAsync();
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error); // the repeat's claim finds the key taken: no failed command
    }

    private async Task AssertAnsweredOnceAsync()
    {
        var reply = Assert.Single(connector.Sent);
        Assert.Contains("New deal: Acme Corp", reply.Visible);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.Equal("Acme Corp", (await db.Deals.SingleAsync()).Name);
    }
}

public sealed class TeamsRepeatedDeliveryTestsOnPostgres : TeamsRepeatedDeliveryTests, IOnPostgres;
