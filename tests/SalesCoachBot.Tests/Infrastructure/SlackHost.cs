namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The real host on its own database file, with Slack's Web API faked locally and Alice (U0ALICE) known to it.</summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string Alice = "U0ALICE";

    private SlackHost(TempDatabase database, FakeSlack slack, BotApplicationFactory factory) => (Database, Slack, Factory) = (database, slack, factory);

    public TempDatabase Database { get; }
    public FakeSlack Slack { get; }
    public BotApplicationFactory Factory { get; }

    public static async Task<SlackHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null)
    {
        var database = new TempDatabase();
        var slack = await FakeSlack.StartAsync();
        slack.AddUser(Alice, "Alice Example", "alice@example.com");
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
        };
        return new SlackHost(database, slack, new BotApplicationFactory(database.ConnectionString, settings: all, logs: logs));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
        Database.Dispose();
    }
}
