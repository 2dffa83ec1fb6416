using System.Text.Json.Nodes;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly CapturedLogs logs = new();
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser("U0ALICE", "Alice Example", "alice@example.com");
        factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Slack:SocketMode"] = "true",
            ["Slack:AppToken"] = "xapp-1-A0SALESCOACH-1234567890-abcdef",
            ["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
        }, logs: logs);
        _ = factory.Server; // start the host: Socket Mode connects out on its own
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task EnvelopesAreAcknowledgedAndRunAndADisconnectLeadsToANewConnection()
    {
        var socket = await slack.NextSocketAsync();
        Assert.StartsWith("Bearer xapp-", slack.Posts("apps.connections.open").Single()["authorization"]!.GetValue<string>());
        await socket.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });

        await socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "57d6a792-4d35-4d0b-b6aa-3361493e1caf",
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = 0,
            ["payload"] = DirectMessage("Ev1001", "U0ALICE", "new deal Acme Corp $45,000"),
        });
        Assert.Equal("57d6a792-4d35-4d0b-b6aa-3361493e1caf", (await socket.ReceiveAsync())!["envelope_id"]!.GetValue<string>());
        await slack.WaitForPostsAsync(1);
        Assert.StartsWith("New deal: Acme Corp", slack.Posts("chat.postMessage")[0]["text"]!.GetValue<string>());

        await socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "a1b2c3",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["team_id"] = TeamId, ["channel_id"] = "D0ALICE", ["user_id"] = "U0ALICE", ["command"] = "/coach", ["text"] = "my deals",
                ["response_url"] = slack.ResponseUrl("s1"), ["trigger_id"] = "1.2.3",
            },
        });
        Assert.Equal("a1b2c3", (await socket.ReceiveAsync())!["envelope_id"]!.GetValue<string>());
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "response_url"), "the slash command's answer");
        Assert.Contains("Your open deals (1)", slack.Posts("response_url").Single()["text"]!.GetValue<string>());

        await socket.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });
        Assert.Null(await socket.ReceiveAsync());
        socket.Release();
        await slack.NextSocketAsync();
        Assert.Equal(2, slack.Posts("apps.connections.open").Count);
    }

    [Fact]
    public async Task AnEnvelopeIsAcknowledgedOnlyOnceStoredAndOneThatCouldNotBeStoredIsTakenWhenSlackSendsItAgain()
    {
        var socket = await slack.NextSocketAsync();
        await ExecuteAsync("ALTER TABLE Inbox RENAME TO InboxAway"); // the next store fails
        await socket.SendAsync(Envelope("e1", DirectMessage("Ev2001", "U0ALICE", "new deal Acme Corp")));
        await WaitForLogAsync("e1");
        await ExecuteAsync("ALTER TABLE InboxAway RENAME TO Inbox");

        // The first acknowledgement the socket carries is the next envelope's: the one not stored was not acknowledged.
        await socket.SendAsync(Envelope("e2", DirectMessage("Ev2002", "U0ALICE", "new deal Globex")));
        Assert.Equal("e2", (await socket.ReceiveAsync())!["envelope_id"]!.GetValue<string>());
        await socket.SendAsync(Envelope("e1", DirectMessage("Ev2001", "U0ALICE", "new deal Acme Corp"), retryAttempt: 1));
        Assert.Equal("e1", (await socket.ReceiveAsync())!["envelope_id"]!.GetValue<string>());

        await slack.WaitForPostsAsync(2);
        Assert.Equal(2, slack.Posts("chat.postMessage").Count(p => p["text"]!.GetValue<string>().StartsWith("New deal:", StringComparison.Ordinal)));
    }

    private static JsonObject Envelope(string id, JsonObject payload, int retryAttempt = 0) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["payload"] = payload,
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitForLogAsync(string envelopeId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (logs.Entries.Any(e => e.Message.Contains($"envelope {envelopeId} is left unacknowledged")))
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"Envelope {envelopeId} was never reported unacknowledged. Logs: {string.Join(" | ", logs.Entries.Select(e => e.Message))}");
    }
}
