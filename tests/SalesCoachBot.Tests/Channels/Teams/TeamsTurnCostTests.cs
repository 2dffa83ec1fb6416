using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>What a turn costs outside the conversation itself: Bot Connector clients and connections, database commits.</summary>
public sealed class TeamsTurnCostTests : TeamsHostTest
{
    private readonly CommitCounter commits = new();

    private HttpClient CountingClient() =>
        Factory.WithWebHostBuilder(b => b.ConfigureTestServices(commits.AddTo)).CreateClient();

    [Fact]
    public async Task RepliesReuseOneBotConnectorClientAndOneConnection()
    {
        var client = Factory.CreateClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"))).StatusCode);

        Assert.Equal(4, Connector.Sent.Count);
        Assert.Equal(1, Factory.Services.GetRequiredService<SharedConnectorClients>().ConnectorsBuilt);
        Assert.Equal(4, Assert.Single(Connector.Connections).Value);
    }

    [Fact]
    public async Task AQuestionAskedAgainCommitsToTheDatabaseOnce()
    {
        var client = CountingClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        for (var i = 0; i < 3; i++)
        {
            commits.Reset();
            await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));
            // Only the claim of the message's id, so a repeated delivery is not answered twice.
            Assert.True(commits.Commits == 1, $"made {commits.Commits} commits:\n{commits.Writes}");
            Assert.StartsWith("INSERT INTO \"Inbox\"", commits.Writes);
        }
        Assert.Equal(5, Connector.Sent.Count);
    }

    [Fact]
    public async Task ATurnThatChangesTheConversationWritesOnlyItsMemoryBesideTheClaim()
    {
        var client = CountingClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000"));

        foreach (var text in new[] { "my deals", "help", "my deals", "help" })
        {
            commits.Reset();
            await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, text));
            Assert.True(commits.Commits <= 2, $"\"{text}\" made {commits.Commits} commits:\n{commits.Writes}");
            Assert.DoesNotContain("RepAccounts", commits.Writes);
            Assert.DoesNotContain("Reps", commits.Writes);
        }
        Assert.Equal(5, Connector.Sent.Count);
    }

    [Fact]
    public async Task TheRepsAddressIsTheConversationNotTheMessageAndIsWrittenOnce()
    {
        var client = CountingClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));
        string? first;
        await using (var scope = Factory.Services.CreateAsyncScope())
            first = (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().RepAccounts.SingleAsync()).Address;

        commits.Reset();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        Assert.DoesNotContain("RepAccounts", commits.Writes);
        Assert.NotNull(first);
        Assert.DoesNotContain("activityId", first);
        Assert.Contains(TeamsActivities.PersonalConversationId, first);
        Assert.Contains(Connector.ServiceUrl, first);
    }
}
