using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeBotConnector connector = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        factory = new BotApplicationFactory(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await connector.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task ATeamsMessageIsAnsweredInItsConversationThroughTheBotConnector()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/messages",
            TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.Sent);
        Assert.Equal(TeamsActivities.PersonalConversationId, reply.ConversationId);
        Assert.Equal("1772442000123", reply.ReplyToId);
        Assert.Equal(TeamsActivities.PersonalConversationId, reply.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("message", reply.Body["type"]!.GetValue<string>());
        Assert.Equal("1.5", reply.Card!["version"]!.GetValue<string>());
        Assert.Contains("New deal: Acme Corp", reply.Visible);
        Assert.Contains("$45,000", reply.Visible);
    }

    [Fact]
    public async Task TheTeamsUserBecomesARepKnownByTheirAadObjectIdAndTenant()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var account = await db.ChannelAccounts.SingleAsync();
        var rep = await db.Reps.SingleAsync();
        Assert.Equal(("msteams", TeamsActivities.AliceAadObjectId, TeamsActivities.TenantId), (account.Channel, account.AccountId, account.TenantId));
        Assert.Equal("Alice Example", rep.DisplayName);
        Assert.Equal(rep.Id, (await db.Deals.SingleAsync()).OwnerId);
    }

    [Fact]
    public async Task AMentionInATeamChannelIsUnderstoodWithoutTheMention()
    {
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(connector.ServiceUrl, "new deal Acme Corp $45,000"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(connector.ServiceUrl, "my deals"));

        Assert.Equal(2, connector.Sent.Count);
        Assert.Contains("Your open deals (1)", connector.Sent[1].Visible);
        Assert.StartsWith("19:8f1b2c3d4e5f@thread.tacv2", connector.Sent[1].ConversationId);
    }

    [Fact]
    public async Task ACardButtonPressArrivesAsTheMessageItCarries()
    {
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp"));
        var button = connector.Sent[0].Card!["actions"]!.AsArray().First(a => a!["title"]!.GetValue<string>() == "My deals")!;

        var press = TeamsActivities.PersonalMessage(connector.ServiceUrl, "");
        press.Remove("text");
        press["value"] = button["data"]!.DeepClone();
        await client.PostAsJsonAsync("/api/messages", press);

        Assert.Contains("Your open deals (1)", connector.Sent[1].Visible);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{}")]
    public async Task AMalformedRequestGetsA400AndRunsNoTurn(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(connector.Sent);
    }

    [Fact]
    public async Task HealthzAnswers200WhenTheDatabaseIsReachable()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithAnAppIdEveryRequestMustCarryABotFrameworkToken()
    {
        await using var secured = new BotApplicationFactory(database.ConnectionString, "Production", new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });

        var response = await secured.CreateClient().PostAsJsonAsync("/api/messages",
            TeamsActivities.PersonalMessage(connector.ServiceUrl, "my deals"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Sent);
    }

    [Fact]
    public async Task ADealSurvivesARestartOnTheSameDatabaseFile()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000"));
        await factory.DisposeAsync();

        factory = new BotApplicationFactory(database.ConnectionString);
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "my deals"));

        Assert.Contains("Acme Corp", connector.Sent[1].Visible);
        Assert.Contains("Prospecting · $45,000", connector.Sent[1].Visible);
    }

    [Fact]
    public async Task ConversationStateSurvivesARestartSoUndoStillWorks()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp"));
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "move acme to initial contact"));
        await factory.DisposeAsync();

        factory = new BotApplicationFactory(database.ConnectionString);
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "undo"));

        Assert.Contains("Undone: Acme Corp is back in Prospecting", connector.Sent[2].Visible);
    }

    [Fact]
    public async Task ADialogWaitingForAnAnswerResumesAfterARestart()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp"));
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "called acme yesterday, they want pricing by Friday"));
        Assert.Contains("Log this call?", connector.Sent[1].Visible);
        await factory.DisposeAsync();

        factory = new BotApplicationFactory(database.ConnectionString);
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "Confirm"));

        Assert.Contains("Logged: call on Acme Corp", connector.Sent[2].Visible);
    }

    [Fact]
    public async Task TeamsClientTimeZoneBecomesTheRepsTimeZone()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "hi"));

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal("Europe/Berlin", (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.SingleAsync()).TimeZone);
    }
}
