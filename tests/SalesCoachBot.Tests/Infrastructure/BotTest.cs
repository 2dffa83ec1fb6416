namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>A test class with its own database file and the bot composed on it, fresh for every test.</summary>
public abstract class BotTest : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    protected BotHarness Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await BotHarness.StartAsync(database.ConnectionString);

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        database.Dispose();
    }
}
