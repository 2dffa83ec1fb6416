using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class TeamsEndpointTests : TeamsHostTest
{
    [Fact]
    public async Task ATeamsMessageIsAnsweredInItsConversationThroughTheBotConnector()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000");
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Sent);
        Assert.Equal(TeamsActivities.PersonalConversationId, reply.ConversationId);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.Equal(TeamsActivities.PersonalConversationId, reply.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("message", reply.Body["type"]!.GetValue<string>());
        Assert.Equal("1.5", reply.Card!["version"]!.GetValue<string>());
        Assert.Contains("New deal: Acme Corp", reply.Visible);
        Assert.Contains("$45,000", reply.Visible);
    }

    [Fact]
    public async Task TheTeamsUserBecomesARepKnownByTheirAadObjectIdAndTenant()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var account = await db.RepAccounts.SingleAsync();
        var rep = await db.Reps.SingleAsync();
        Assert.Equal(("msteams", TeamsActivities.AliceAadObjectId, TeamsActivities.TenantId), (account.Channel, account.AccountId, account.TenantId));
        Assert.Equal("Alice Example", rep.DisplayName);
        Assert.Equal(rep.Id, (await db.Deals.SingleAsync()).OwnerId);
    }

    [Fact]
    public async Task AMentionInATeamChannelIsUnderstoodWithoutTheMention()
    {
        var client = Factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(Connector.ServiceUrl, "new deal Acme Corp $45,000"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(Connector.ServiceUrl, "my deals"));

        Assert.Equal(2, Connector.Sent.Count);
        Assert.Contains("Your open deals (1)", Connector.Sent[1].Visible);
        Assert.StartsWith("19:8f1b2c3d4e5f@thread.tacv2", Connector.Sent[1].ConversationId);
    }

    [Fact]
    public async Task ACardButtonPressArrivesAsTheMessageItCarries()
    {
        var client = Factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp"));
        var button = Connector.Sent[0].Card!["actions"]!.AsArray().First(a => a!["title"]!.GetValue<string>() == "My deals")!;

        var press = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "");
        press.Remove("text");
        press["value"] = button["data"]!.DeepClone();
        await client.PostAsJsonAsync("/api/messages", press);

        Assert.Contains("Your open deals (1)", Connector.Sent[1].Visible);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{}")]
    public async Task AMalformedRequestGetsA400AndRunsNoTurn(string body)
    {
        var response = await Factory.CreateClient().PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Sent);
    }

    [Fact]
    public async Task HealthzAnswers200WhenTheDatabaseIsReachable()
    {
        var response = await Factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithAnAppIdEveryRequestMustCarryABotFrameworkToken()
    {
        await using var secured = new BotApplicationFactory(Database.ConnectionString, "Production", new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
        });

        var response = await secured.CreateClient().PostAsJsonAsync("/api/messages",
            TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.Sent);
    }

    [Fact]
    public async Task ADealSurvivesARestartOnTheSameDatabaseFile()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000"));
        await Factory.DisposeAsync();

        Factory = new BotApplicationFactory(Database.ConnectionString);
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        Assert.Contains("Acme Corp", Connector.Sent[1].Visible);
        Assert.Contains("Prospecting · $45,000", Connector.Sent[1].Visible);
    }

    [Fact]
    public async Task ConversationStateSurvivesARestartSoUndoStillWorks()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp"));
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "move acme to initial contact"));
        await Factory.DisposeAsync();

        Factory = new BotApplicationFactory(Database.ConnectionString);
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "undo"));

        Assert.Contains("Undone: Acme Corp is back in Prospecting", Connector.Sent[2].Visible);
    }

    [Fact]
    public async Task ADialogWaitingForAnAnswerResumesAfterARestart()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp"));
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "called acme yesterday, they want pricing by Friday"));
        Assert.Contains("Log this call?", Connector.Sent[1].Visible);
        await Factory.DisposeAsync();

        Factory = new BotApplicationFactory(Database.ConnectionString);
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "Confirm"));

        Assert.Contains("Logged: call on Acme Corp", Connector.Sent[2].Visible);
    }

    [Fact]
    public async Task TeamsClientTimeZoneBecomesTheRepsTimeZone()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "hi"));

        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Equal("Europe/Berlin", (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.SingleAsync()).TimeZone);
    }

    [Fact]
    public async Task ATeamsLocaleInIndonesianIsAnsweredInIndonesian()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "help");
        message["locale"] = "id-ID";

        await Factory.CreateClient().PostAsJsonAsync("/api/messages", message);

        Assert.Contains("Jaga pipeline tetap rapi", Assert.Single(Connector.Sent).Visible);
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Equal(SalesCoachBot.Languages.Language.Indonesian, (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.SingleAsync()).Language);
    }
}
