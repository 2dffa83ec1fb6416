using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class TeamsEndpointRefusalTests : TeamsHostTest
{
    private readonly CapturedLogs logs = new();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer x.y.z")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.")]
    [InlineData("Bearer ....")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("x.y.z")]
    public async Task WithAnAppIdAMissingOrBrokenTokenGetsA401(string? authorization)
    {
        await using var secured = SecuredFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals")) };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await secured.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.Attempts);
    }

    [Fact]
    public async Task AnActivityWithoutAConversationGetsA400AndOneWarning()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals");
        message.Remove("conversation");

        await AssertRefusedAsync(message, "the activity has no conversation");
    }

    // The Bot Connector is told the conversation in a header too (x-ms-conversation-id), and a header carries ASCII only.
    [Theory]
    [InlineData("a:1Vw3kY8zJb0mQ2r9Tx\u00e9Lp4sH6")]
    [InlineData("19:8f1b2c3d4e5f@thread.tacv2\u202e")]
    [InlineData("a:1\ud83d\ude00")]
    [InlineData("a:1\r\nX-Injected: yes")]
    [InlineData("a:1\u0000")]
    public async Task AnActivityWhoseConversationIdIsNotPrintableAsciiGetsA400AndOneWarning(string id)
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals", conversationId: System.Text.RegularExpressions.Regex.Unescape(id));

        await AssertRefusedAsync(message, "the conversation id is not printable ASCII");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AnActivityWithoutASenderGetsA400AndOneWarning(string? id)
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals");
        if (id is null)
            message.Remove("from");
        else
            message["from"] = new JsonObject { ["id"] = id };

        await AssertRefusedAsync(message, "the activity has no sender");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("/v3/conversations")]
    [InlineData("")]
    public async Task AServiceUrlThatIsNotHttpGetsA400(string serviceUrl) =>
        await AssertRefusedAsync(TeamsActivities.PersonalMessage(serviceUrl, "my deals"), "the serviceUrl is not an HTTP(S) URL");

    [Fact]
    public async Task ATextLongerThanTeamsAllowsGetsA400()
    {
        var text = "new deal Acme " + new string('x', TeamsMessagesEndpoint.MaxTextBytes);

        await AssertRefusedAsync(TeamsActivities.PersonalMessage(Connector.ServiceUrl, text), $"the text is longer than {TeamsMessagesEndpoint.MaxTextBytes} bytes");
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://evil.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com/")]
    [InlineData("http://10.0.0.1:8080/")]
    public async Task AServiceUrlOffTheAllowListGetsA400AndNoCallGoesOut(string serviceUrl) =>
        await AssertRefusedAsync(TeamsActivities.PersonalMessage(serviceUrl, "my deals"), "is not allowed");

    [Fact]
    public async Task OutsideDevelopmentTheLocalConnectorIsNotAllowedUnlessListed()
    {
        await using var production = new BotApplicationFactory(Database.ConnectionString, "Production", SecuredSettings);

        var response = await production.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Attempts);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", "Production", true)]
    [InlineData("europe.webchat.botframework.com", "Production", true)]
    [InlineData("smba.infra.gcc.teams.microsoft.com", "Production", true)]
    [InlineData("smba.infra.gov.teams.microsoft.us", "Production", true)]
    [InlineData("SMBA.TRAFFICMANAGER.NET", "Production", true)]
    [InlineData("evil.trafficmanager.net", "Production", false)]
    [InlineData("botframework.com.evil.example.com", "Production", false)]
    [InlineData("evilbotframework.com", "Production", false)]
    [InlineData("localhost", "Production", false)]
    [InlineData("localhost", "Development", true)]
    [InlineData("127.0.0.1", "Development", true)]
    [InlineData("[::1]", "Development", true)]
    public void TheDefaultAllowListHoldsTheBotFrameworkAndTeamsHosts(string host, string environment, bool allowed) =>
        Assert.Equal(allowed, AllowList([], environment).Allows(new Uri($"https://{host}/amer/")));

    [Fact]
    public void AConfiguredAllowListReplacesTheDefaults()
    {
        var allowList = AllowList(["*.example.com", "bots.internal"], "Production");

        Assert.True(allowList.Allows(new Uri("https://teams.example.com/")));
        Assert.True(allowList.Allows(new Uri("https://bots.internal/")));
        Assert.False(allowList.Allows(new Uri("https://example.com/")));
        Assert.False(allowList.Allows(new Uri("https://smba.trafficmanager.net/")));
    }

    [Fact]
    public async Task ABodyOverTheCapGetsA413BeforeItIsRead()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals");
        message["channelData"]!["padding"] = new string('x', TeamsMessagesEndpoint.MaxBodyBytes);

        var response = await Factory.CreateClient().PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Attempts);
    }

    [Fact]
    public async Task AStreamedBodyOverTheCapGetsA413()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals");
        message["channelData"]!["padding"] = new string('x', TeamsMessagesEndpoint.MaxBodyBytes);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(message.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Attempts);
    }


    private static readonly Dictionary<string, string> SecuredSettings = new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };

    private BotApplicationFactory SecuredFactory() =>
        new(Database.ConnectionString, "Production", new Dictionary<string, string>(SecuredSettings) { ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1" });

    private static ServiceUrlAllowList AllowList(string[] configured, string environment) =>
        new(Options.Create(new TeamsOptions { AllowedServiceUrlHosts = configured }), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });

    private async Task AssertRefusedAsync(JsonObject activity, string reason)
    {
        var client = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs))).CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Attempts);
        var warning = Assert.Single(logs.Entries, e => e.Category == typeof(TeamsMessagesEndpoint).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(reason, warning.Message);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
