namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// A test class with its own database and the bot composed on it, fresh for every test: a SQLite file,
/// or a PostgreSQL database when the class is marked <see cref="IOnPostgres"/>.
/// </summary>
public abstract class BotTest : IAsyncLifetime
{
    private TestDatabase database = null!;

    protected BotHarness Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (this is IOnPostgres && PostgresServer.ConnectionString is null)
            return; // skipped
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        Bot = await BotHarness.StartAsync(database.ConnectionString, settings: database.Settings);
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        await Bot.DisposeAsync();
        await database.DisposeAsync();
    }
}
