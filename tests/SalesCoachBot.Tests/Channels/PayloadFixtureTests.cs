using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels;

/// <summary>
/// Real Teams and Slack payloads (Fixtures/teams, Fixtures/slack) sent through the real endpoints, each checked
/// against its row in Fixtures/expectations.tsv: a new payload shape is one file and one row.
/// </summary>
public sealed class PayloadFixtureTests(PayloadFixtureTests.TeamsHost teams, PayloadFixtureTests.SlackHost slack)
    : IClassFixture<PayloadFixtureTests.TeamsHost>, IClassFixture<PayloadFixtureTests.SlackHost>
{
    public static TheoryData<string> TeamsFixtures => Files("teams/");
    public static TheoryData<string> SlackFixtures => Files("slack/");

    [Fact]
    public void EveryFixtureHasARowAndThereAreEnoughOfEachPlatform()
    {
        var rows = Expectation.All.Select(r => r.File).ToHashSet();
        var files = Directory.GetFiles(FixturePath(), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(FixturePath(), f).Replace('\\', '/')).ToList();

        Assert.Empty(files.Except(rows));
        Assert.Empty(rows.Except(files));
        Assert.True(files.Count(f => f.StartsWith("teams/")) >= 20);
        Assert.True(files.Count(f => f.StartsWith("slack/")) >= 20);
    }

    [Theory]
    [MemberData(nameof(TeamsFixtures))]
    public async Task TeamsPayload(string file)
    {
        var row = Expectation.Of(file);
        var before = teams.Connector.Sent.Count;
        var json = Read(file).Replace("{{serviceUrl}}", teams.Connector.ServiceUrl);

        for (var delivery = 0; delivery < row.Times; delivery++)
        {
            var response = await teams.Client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(row.Status, (int)response.StatusCode);
        }

        var sent = teams.Connector.Sent.Skip(before).ToList();
        if (row.Reply == "none")
            Assert.Empty(sent);
        else
        {
            var reply = Assert.Single(sent);
            Assert.Equal(row.Where, reply.ConversationId);
            if (row.Thread != "-")
                Assert.Equal(row.Thread, reply.ReplyToId);
            Assert.Contains(row.Contains, reply.Visible);
        }
        await AssertStoredAsync(teams.Factory, row.Stored, "msteams");
    }

    [Theory]
    [MemberData(nameof(SlackFixtures))]
    public async Task SlackPayload(string file)
    {
        var row = Expectation.Of(file);
        var before = slack.Api.Calls.Count;
        var payload = JsonNode.Parse(Read(file).Replace("{{responseUrl}}", slack.Api.ResponseUrl(Path.GetFileNameWithoutExtension(file))))!.AsObject();

        for (var delivery = 0; delivery < row.Times; delivery++)
        {
            var response = await slack.Client.SendAsync(SlackHost.Request(payload, slack.Now));
            Assert.Equal(row.Status, (int)response.StatusCode);
            if (row.Reply == "body")
                Assert.Contains(row.Contains, await response.Content.ReadAsStringAsync());
        }
        await slack.DrainAsync();

        var answers = slack.Api.Calls.Skip(before)
            .Where(c => c.Method == "response_url" || c.Method == "chat.postMessage")
            .ToList();
        if (row.Reply is "none" or "body")
            Assert.Empty(answers);
        else
        {
            var (method, body) = Assert.Single(answers);
            Assert.Equal(row.Reply == "response_url" ? "response_url" : "chat.postMessage", method);
            if (row.Where != "-")
                Assert.Equal(row.Where, body["channel"]?.ToString());
            if (row.Thread != "-")
                Assert.Equal(row.Thread == "none" ? null : row.Thread, body["thread_ts"]?.ToString());
            Assert.Contains(row.Contains, string.Join("\n", Strings(body)));
        }
        await AssertStoredAsync(slack.Factory, row.Stored, "slack");
    }

    private static async Task AssertStoredAsync(BotApplicationFactory factory, string stored, string channel)
    {
        if (stored == "-")
            return;
        var (kind, value) = (stored[..stored.IndexOf(':')], stored[(stored.IndexOf(':') + 1)..]);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        switch (kind)
        {
            case "rep":
                Assert.True(await db.RepAccounts.AnyAsync(a => a.Channel == channel && a.AccountId == value), $"No {channel} rep {value}");
                break;
            case "no-address":
                Assert.Null((await db.RepAccounts.SingleAsync(a => a.Channel == channel && a.AccountId == value)).Address);
                break;
            case "deal":
                Assert.True(await db.Deals.AnyAsync(d => d.Name == value), $"No deal named {value}");
                break;
            case "team":
                Assert.NotNull((await db.Reps.SingleAsync(r => r.Email == value)).ManagerId);
                break;
            default:
                throw new InvalidOperationException($"Unknown stored check '{stored}'.");
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static string FixturePath(params string[] parts) => RepositoryRoot.File(["tests", "SalesCoachBot.Tests", "Fixtures", .. parts]);

    private static string Read(string file) => File.ReadAllText(FixturePath(file.Split('/')));

    private static TheoryData<string> Files(string platform) => [.. Expectation.All.Where(r => r.File.StartsWith(platform)).Select(r => r.File).Distinct()];

    /// <summary>One row of Fixtures/expectations.tsv.</summary>
    private sealed record Expectation(string File, int Times, int Status, string Reply, string Where, string Thread, string Contains, string Stored)
    {
        public static IReadOnlyList<Expectation> All { get; } = [.. System.IO.File.ReadAllLines(FixturePath("expectations.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(c => new Expectation(c[0], int.Parse(c[1]), int.Parse(c[2]), c[3], c[4], c[5], c[6], c[7]))];

        public static Expectation Of(string file) => All.Single(r => r.File == file);
    }

    /// <summary>The real host answering Teams through a local Bot Connector that knows Bob's profile.</summary>
    public sealed class TeamsHost : IAsyncLifetime
    {
        private readonly TempDatabase database = new();

        public FakeBotConnector Connector { get; private set; } = null!;
        public BotApplicationFactory Factory { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Connector = await FakeBotConnector.StartAsync();
            Connector.AddMember("29:1bOb0kL9mN8oP7qR6sT5uV4wX3yZ2aB1cD0eF9gH8iJ7kL6mN5oP4qR3sT2uV1wX", "4c3b2a1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d", "Bob Example", "bob@example.com");
            Connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
            Factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["SalesTeams:0:Manager"] = "alice@example.com" });
            Client = Factory.CreateClient();
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Connector.DisposeAsync();
            database.Dispose();
        }
    }

    /// <summary>
    /// The real host with Slack signing on, answering through a fake Slack Web API that knows Alice and Bob.
    /// Turns run in the background from the stored inbox; <see cref="DrainAsync"/> waits until every one has run.
    /// </summary>
    public sealed class SlackHost : IAsyncLifetime
    {
        private static readonly string[] InteractionTypes = ["block_actions", "view_submission", "view_closed", "shortcut", "message_action"];
        private readonly TempDatabase database = new();

        public FakeSlack Api { get; private set; } = null!;
        public BotApplicationFactory Factory { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public DateTimeOffset Now => Factory.Clock.GetUtcNow();

        public async Task InitializeAsync()
        {
            Api = await FakeSlack.StartAsync();
            Api.AddUser("U0ALICE", "Alice Example", "alice@example.com");
            Api.AddUser("U0BOB", "Bob Example", "bob@example.com");
            Factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
            {
                ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
                ["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
                ["Slack:ApiBaseUrl"] = Api.ApiUrl,
                ["SalesTeams:0:Manager"] = "alice@example.com",
            });
            Client = Factory.CreateClient();
        }

        /// <summary>The endpoint Slack posts this payload to, in the encoding Slack uses there.</summary>
        public static HttpRequestMessage Request(JsonObject payload, DateTimeOffset at)
        {
            if (payload.ContainsKey("command"))
                return SlackRequests.Signed("/api/slack/commands", Form(payload.Select(p => (p.Key, p.Value?.ToString() ?? ""))), "application/x-www-form-urlencoded", at);
            if (InteractionTypes.Contains(payload["type"]?.ToString()))
                return SlackRequests.Signed("/api/slack/interactions", Form([("payload", payload.ToJsonString())]), "application/x-www-form-urlencoded", at);
            return SlackRequests.Event(payload, at);
        }

        /// <summary>Waits until every stored Slack turn has run (each delivery was stored before its acknowledgement).</summary>
        public Task DrainAsync()
        {
            var contexts = Factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();
            return Background.UntilAsync(async token =>
            {
                await using var db = await contexts.CreateDbContextAsync(token);
                return !await db.Inbox.AnyAsync(m => m.DoneAt == null, token);
            }, "every stored Slack turn run");
        }

        private static string Form(IEnumerable<(string Key, string Value)> fields) =>
            string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Api.DisposeAsync();
            database.Dispose();
        }
    }
}
