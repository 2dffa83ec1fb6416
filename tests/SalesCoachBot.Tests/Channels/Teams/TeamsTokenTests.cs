using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>
/// Well-formed Bot Framework tokens, checked against signing keys the bot fetches from a local OpenID metadata endpoint:
/// the wrong key or audience is a 401, keys that cannot be fetched a 503, never a 500.
/// </summary>
public sealed class TeamsTokenTests : TeamsHostTest, IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> logs = new();
    private FakeBotFrameworkLogin login = null!;
    private BotApplicationFactory secured = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        login = await FakeBotFrameworkLogin.StartAsync();
        secured = new BotApplicationFactory(Database.ConnectionString, "Production", login.Settings(AppId));
    }

    public new async Task DisposeAsync()
    {
        await secured.DisposeAsync();
        await login.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ATokenSignedByThePublishedKeyForThisBotIsAccepted()
    {
        var response = await PostAsync(Typing(), login.Authorization(AppId, Connector.ServiceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {string.Join("; ", logs.Select(e => e.Message))}");
        Assert.True(login.MetadataFetches > 0 && login.KeyFetches > 0, "the signing keys were not fetched from the metadata");
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Warning && e.Category == typeof(TeamsMessagesEndpoint).FullName);
    }

    [Fact]
    public async Task ATokenSignedByAnUnknownKeyGetsA401()
    {
        var response = await PostAsync(Message(), login.Authorization(AppId, Connector.ServiceUrl, signedByUnknownKey: true));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "no valid Bot Framework token");
        Assert.True(login.KeyFetches > 0, "the signing keys were not fetched");
    }

    [Theory]
    [InlineData("99999999-2222-3333-4444-555555555555")]
    [InlineData("https://api.botframework.com")]
    public async Task ATokenWithTheRightKeyForAnotherAudienceGetsA401(string audience)
    {
        var response = await PostAsync(Message(), login.Authorization(audience, Connector.ServiceUrl));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "no valid Bot Framework token");
    }

    [Fact]
    public async Task ATokenForAnotherServiceUrlGetsA401()
    {
        var response = await PostAsync(Message(), login.Authorization(AppId, "https://smba.trafficmanager.net/amer/"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "no valid Bot Framework token");
    }

    [Fact]
    public async Task ATokenFromAnotherIssuerGetsA401()
    {
        var response = await PostAsync(Message(), login.Authorization(AppId, Connector.ServiceUrl, issuer: "https://evil.example.com"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "no valid Bot Framework token");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(503)]
    public async Task SigningKeysThatCannotBeFetchedGetA503(int status)
    {
        login.Failing = status;

        var response = await PostAsync(Message(), login.Authorization(AppId, Connector.ServiceUrl));

        await AssertRefusedAsync(response, HttpStatusCode.ServiceUnavailable, "the Bot Framework's signing keys cannot be fetched", LogLevel.Error);
    }

    [Fact]
    public async Task SigningKeysFromAnUnreachableServerGetA503()
    {
        await login.StopAsync();

        var response = await PostAsync(Message(), login.Authorization(AppId, Connector.ServiceUrl));

        await AssertRefusedAsync(response, HttpStatusCode.ServiceUnavailable, "the Bot Framework's signing keys cannot be fetched", LogLevel.Error);
    }

    private JsonObject Message() => TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals");

    /// <summary>An activity the bot answers without calling the Bot Connector (it would need a real login for that).</summary>
    private JsonObject Typing()
    {
        var typing = Message();
        typing["type"] = "typing";
        typing.Remove("text");
        return typing;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string authorization)
    {
        var client = secured.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new CapturingLogs(logs)))).CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    /// <summary>The status with an empty body, nothing sent, and one line in the log (a warning, or an error the operator must see) without a stack trace.</summary>
    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason, LogLevel level = LogLevel.Warning)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Attempts);
        var refusal = Assert.Single(logs, e => e.Category == typeof(TeamsMessagesEndpoint).FullName);
        Assert.Contains(reason, refusal.Message);
        Assert.Equal(level, refusal.Level);
        Assert.Null(refusal.Exception);
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Error && e != refusal);
    }

    private sealed class CapturingLogs(ConcurrentQueue<(string, LogLevel, string, Exception?)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    entries.Enqueue((category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
