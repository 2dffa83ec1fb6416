using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>
/// Teams posts a conversation's messages as they come, several at once: each turn sees what the one before it left
/// in the conversation's memory, on one host or (PostgreSQL) on two.
/// </summary>
public class TeamsConcurrentTurnsTests : IAsyncLifetime
{
    private static readonly string[] Companies = ["Acme Corp", "Globex", "Initech", "Hooli", "Umbrella"];
    private TestDatabase database = null!;
    private FakeBotConnector connector = null!;
    private readonly List<HttpClient> clients = [];
    private readonly List<BotApplicationFactory> hosts = [];

    public async Task InitializeAsync()
    {
        if (this is IOnPostgres && PostgresServer.ConnectionString is null)
            return; // skipped
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        connector = await FakeBotConnector.StartAsync();
        // SQLite serves one host; PostgreSQL any number, here two taking turns with the messages.
        foreach (var name in this is IOnPostgres ? new[] { "host-a", "host-b" } : ["host-a"])
        {
            var settings = database.Settings.ToDictionary(s => s.Key, s => s.Value!);
            settings["Storage:InstanceId"] = name;
            hosts.Add(new BotApplicationFactory(database.ConnectionString, settings: settings));
            clients.Add(hosts[^1].CreateClient());
        }
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        foreach (var host in hosts)
            await host.DisposeAsync();
        await connector.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task FiveNewDealsSentAtOnceCanEachBeUndone()
    {
        await SendAtOnceAsync(Companies.Select(c => $"new deal {c}"));
        Assert.Equal(5, await CountAsync(db => db.Deals.CountAsync()));

        foreach (var _ in Companies)
            Assert.Contains("Undone:", (await SendAsync("undo")).Visible);

        Assert.Equal(0, await CountAsync(db => db.Deals.CountAsync()));
    }

    [StoreFact]
    public async Task ThreeLogsSentAtOnceLeaveNoCardUnsavedWithoutAWord()
    {
        foreach (var company in Companies[..3])
            await SendAsync($"new deal {company}");

        var cards = await SendAtOnceAsync(Companies[..3].Select(c => $"called {c} today about pricing"));
        Assert.All(cards, c => Assert.Contains("Log this call?", c.Visible));
        Assert.Contains("Logged:", (await SendAsync("Confirm")).Visible);

        // The card answered is saved; each card the next log replaced says so.
        Assert.Equal(1, await CountAsync(db => db.Interactions.CountAsync()));
        Assert.Equal(2, cards.Count(c => c.Visible.Contains("Not saved:")));
    }

    private async Task<SentActivity[]> SendAtOnceAsync(IEnumerable<string> texts)
    {
        var before = connector.Sent.Count;
        var responses = await Task.WhenAll(texts.Select((text, i) =>
            clients[i % clients.Count].PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, text))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        return [.. connector.Sent.Skip(before)];
    }

    private async Task<SentActivity> SendAsync(string text) => Assert.Single(await SendAtOnceAsync([text]));

    private async Task<int> CountAsync(Func<SalesCoachDbContext, Task<int>> count)
    {
        await using var scope = hosts[0].Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>());
    }
}

public sealed class TeamsConcurrentTurnsTestsOnPostgres : TeamsConcurrentTurnsTests, IOnPostgres;
