namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The real host on its own database file, with a local Bot Connector for Teams to answer through.</summary>
public abstract class TeamsHostTest : IAsyncLifetime
{
    protected TempDatabase Database { get; } = new();
    protected FakeBotConnector Connector { get; private set; } = null!;
    protected BotApplicationFactory Factory { get; set; } = null!;
    protected CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync();
        Factory = new BotApplicationFactory(Database.ConnectionString, logs: Logs);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
        Database.Dispose();
    }
}
