using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Crm;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Crm;

/// <summary>The bot with <c>Crm:Provider=HubSpot</c> against a fake HubSpot, on a fake clock; Alice is a rep and a HubSpot owner.</summary>
public abstract class HubSpotFixture : IAsyncLifetime
{
    public static readonly ChatUser Alice = BotHarness.User("alice") with { Email = "alice@example.com" };
    public const string AliceOwnerId = "101";
    protected readonly FakeTimeProvider Clock = new(BotHarness.Start);
    private TestDatabase database = null!;

    protected FakeHubSpot HubSpot { get; private set; } = null!;
    protected BotHarness Bot { get; private set; } = null!;

    public Dictionary<string, string?> Settings => new(database.Settings)
    {
        ["Crm:Provider"] = "HubSpot",
        ["Crm:HubSpot:AccessToken"] = FakeHubSpot.Token,
        ["Crm:HubSpot:BaseUrl"] = HubSpot.BaseUrl,
    };

    public virtual async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        HubSpot = await FakeHubSpot.StartAsync(Clock);
        HubSpot.AddOwner(AliceOwnerId, "alice@example.com", "Alice", "Archer");
        HubSpot.AddOwner("102", "bob@example.com", "Bob", "Baker");
        Bot = await BotHarness.StartAsync(database.ConnectionString, Clock, Settings, configure: builder => builder.AddCrm());
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await HubSpot.DisposeAsync();
        await database.DisposeAsync();
    }

    protected T Service<T>() where T : notnull => Bot.Host.Services.GetRequiredService<T>();

    protected Task<int> PushAsync(CrmPush? push = null) => (push ?? Service<CrmPush>()).PushDueAsync(CancellationToken.None);

    /// <summary>Pushes what is due, moving the clock while a call waits on it (the HTTP pipeline's back-off after a 5xx runs on the fake clock).</summary>
    protected Task<int> PushAdvancingClockAsync() => OnFakeClock(PushAsync());

    protected async Task<CrmPullResult> PullAsync(bool full = false)
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmPull>().PullAsync(full, CancellationToken.None);
    }

    private async Task<T> OnFakeClock<T>(Task<T> work)
    {
        while (await Task.WhenAny(work, Task.Delay(20)) != work)
            Clock.Advance(TimeSpan.FromSeconds(1));
        return await work;
    }
}
