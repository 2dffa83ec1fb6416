using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Crm;

/// <summary>The running bot pulls from HubSpot through Quartz, and a HubSpot that refuses it costs one log line, not chat or readiness.</summary>
[Collection(nameof(SalesCoachBot.Tests.Scheduling.QuartzSchedulerTests))]
public sealed class CrmHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDatabase database = new();
    private readonly CapturedLogs logs = new();
    private FakeHubSpot hubSpot = null!;

    public async Task InitializeAsync()
    {
        hubSpot = await FakeHubSpot.StartAsync();
        hubSpot.AddOwner("101", "alice@example.com", "Alice", "Archer");
        hubSpot.AddDeal(new() { ["dealname"] = "Acme Corp", ["dealstage"] = "qualifiedtobuy", ["amount"] = "40000", ["hubspot_owner_id"] = "101" });
    }

    public async Task DisposeAsync()
    {
        await hubSpot.DisposeAsync();
        database.Dispose();
    }

    private BotApplicationFactory Host(string token) => new(database.ConnectionString, logs: logs, settings: new Dictionary<string, string>
    {
        ["Scheduler:Enabled"] = "true",
        ["Crm:Provider"] = "HubSpot",
        ["Crm:HubSpot:AccessToken"] = token,
        ["Crm:HubSpot:BaseUrl"] = hubSpot.BaseUrl,
    });

    [Fact]
    public async Task TheScheduledPullBringsHubSpotsDealsIn()
    {
        await using var host = Host(FakeHubSpot.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.CreateClient().GetAsync("/healthz/ready")).StatusCode);

        await UntilAsync(async () =>
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContextAsync();
            return await db.Deals.AnyAsync(d => d.Name == "Acme Corp" && d.Amount == 40000);
        }, "the deal pulled from HubSpot");
    }

    [Fact]
    public async Task AWrongTokenIsLoggedOnceAndTheBotStaysReady()
    {
        await using var host = Host("pat-wrong");
        var client = host.CreateClient();

        await UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.StartsWith("CRM sync paused", StringComparison.Ordinal))), "the refused token logged");

        var refused = Assert.Single(logs.Entries, e => e.Message.StartsWith("CRM sync paused", StringComparison.Ordinal));
        Assert.Contains("Crm:HubSpot:AccessToken", refused.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
                throw new TimeoutException($"Never saw {what}.");
            await Task.Delay(100);
        }
    }
}
