using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackMalformedRequestTests : IAsyncLifetime
{
    private const string Alice = SlackHost.Alice;
    private const string Json = "application/json";
    private const string FormType = "application/x-www-form-urlencoded";
    private static readonly string DeepArrays = new string('[', 10_000) + new string(']', 10_000);
    private readonly CapturedLogs logs = new();
    private SlackHost host = null!;
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;
    private WebApplicationFactory<Program> app = null!;
    private HttpClient client = null!;

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync();
        (slack, factory) = (host.Slack, host.Factory);
        app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await host.DisposeAsync();
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "/api/slack/events", "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"", Json },
        { "/api/slack/events", "", Json },
        { "/api/slack/events", "[1,2,3]", Json },
        { "/api/slack/events", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"a message\"}", Json },
        { "/api/slack/events", DirectMessage("Ev1", Alice, "help").ToJsonString().Replace($"\"{Alice}\"", "42"), Json },
        { "/api/slack/events", "{\"type\":\"url_verification\",\"challenge\":42}", Json },
        { "/api/slack/events", "{\"type\":\"url_verification\"}", Json },
        { "/api/slack/events", "{\"type\":\"event_callback\",\"event\":" + DeepArrays + "}", Json },
        { "/api/slack/events", DeepArrays, Json },
        { "/api/slack/commands", "", FormType },
        { "/api/slack/commands", "text=help&channel_id=C0SALES", FormType },
        { "/api/slack/interactions", "", FormType },
        { "/api/slack/interactions", "payload=%7Bnot%20json", FormType },
        { "/api/slack/interactions", "payload=" + Uri.EscapeDataString(BlockActions(Alice, "D0ALICE", 0, "undo", "https://x").ToJsonString().Replace("\"actions\":[", "\"actions\":\"no\",\"was\":[")), FormType },
        { "/api/slack/interactions", "payload=" + Uri.EscapeDataString(With(BlockActions(Alice, "D0ALICE", 0, "undo", "https://x"), "user", 5).ToJsonString()), FormType },
        { "/api/slack/interactions", "payload=" + Uri.EscapeDataString(DeepArrays), FormType },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task ASignedButMalformedBodyGets400AndOneWarningWithoutAStackTrace(string path, string body, string contentType)
    {
        var response = await client.SendAsync(Signed(path, body, contentType, Now));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var warning = Assert.Single(logs.From(typeof(SlackEndpoints).FullName!));
        Assert.Equal((LogLevel.Warning, null), (warning.Level, warning.Exception));
        Assert.Contains("unreadable payload", warning.Message);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Inbox.ToListAsync());
    }

    [Fact]
    public async Task ABodyOverOneMegabyteByItsContentLengthGets413()
    {
        var response = await client.SendAsync(Signed("/api/slack/events", Padded(SlackEndpoints.MaxBodyBytes + 1), Json, Now));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AChunkedBodyOverOneMegabyteGets413()
    {
        var body = new UnsizedContent(Encoding.UTF8.GetBytes(Padded(8 * SlackEndpoints.MaxBodyBytes)));
        var request = Signed("/api/slack/events", "", Json, Now);
        request.Content = body;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOfExactlyOneMegabyteIsRead()
    {
        var response = await client.SendAsync(Signed("/api/slack/events", Padded(SlackEndpoints.MaxBodyBytes), Json, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlashCommandsWithoutATriggerIdAreEachRunAndARetryOfOneIsNot()
    {
        var first = Form(SlashCommandFields(Alice, "help", slack.ResponseUrl("r1"), withTriggerId: false));
        var second = Form(SlashCommandFields(Alice, "my deals", slack.ResponseUrl("r2"), withTriggerId: false));
        var at = Now;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Signed("/api/slack/commands", first, FormType, at))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Signed("/api/slack/commands", first, FormType, at))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Signed("/api/slack/commands", second, FormType, at))).StatusCode);

        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "response_url" && x.Body["response_url_id"]!.ToString() == "r2"), "the second command's answer");
        Assert.Equal(["r1", "r2"], slack.Posts("response_url").Select(p => p["response_url_id"]!.GetValue<string>()));
    }

    private static JsonObject With(JsonObject payload, string name, JsonNode value)
    {
        payload[name] = value;
        return payload;
    }

    private static string Padded(int length)
    {
        var template = UrlVerification("");
        var padding = length - Encoding.UTF8.GetByteCount(template.ToJsonString());
        template["challenge"] = new string('x', padding);
        return template.ToJsonString();
    }

    /// <summary>A body sent in pieces with no Content-Length.</summary>
    private sealed class UnsizedContent(byte[] content) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            try
            {
                for (var sent = 0; sent < content.Length; sent += 64 * 1024)
                    await stream.WriteAsync(content.AsMemory(sent, Math.Min(64 * 1024, content.Length - sent)));
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> entries = new();

        public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> From(string category) =>
            [.. entries.Where(e => e.Category == category)];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }
}
