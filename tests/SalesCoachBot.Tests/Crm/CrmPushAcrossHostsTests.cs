using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Crm;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Crm;

/// <summary>Two hosts pushing from one database: every change reaches HubSpot once, each deal's in order.</summary>
public class CrmPushAcrossHostsTests : HubSpotFixture
{
    private const int Deals = 24;

    [StoreFact]
    public async Task TwoHostsPushEachChangeOnce()
    {
        await PullAsync(full: true);
        await using (var db = Bot.Database())
        {
            var alice = db.Reps.Add(Rep.Create("Alice", "alice@example.com", Clock.GetUtcNow())).Entity;
            db.Deals.AddRange(Enumerable.Range(1, Deals).Select(i => Deal.Open($"Deal {i}", new Money(1000 * i, "USD"), alice, Clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }
        var hosts = new[] { Host("host-a"), Host("host-b") };
        await PushOnBothAsync(hosts);
        await using (var db = Bot.Database())
        {
            foreach (var deal in await db.Deals.ToListAsync())
                deal.MoveTo(DealStage.Discovery, Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await PushOnBothAsync(hosts);

        Assert.Equal(0, await Pending());
        var deals = HubSpot.Deals();
        Assert.Equal(Deals, deals.Count);
        Assert.All(deals, d => Assert.Equal("qualifiedtobuy", d.Properties["dealstage"]));
        Assert.Equal(Deals, HubSpot.Requests.Count(r => r == "POST /crm/v3/objects/deals/batch/upsert"));
        Assert.Equal(Deals, HubSpot.Requests.Count(r => r.StartsWith("PATCH /crm/v3/objects/deals/", StringComparison.Ordinal)));
    }

    private async Task PushOnBothAsync(CrmPush[] hosts)
    {
        for (var round = 0; round < 50 && await Pending() > 0; round++)
            await Task.WhenAll(hosts.Select(h => h.PushDueAsync(CancellationToken.None)));
    }

    private CrmPush Host(string name) => new(Service<IDbContextFactory<SalesCoachDbContext>>(), Service<ICrmClient>(), Service<CrmCatalog>(), Service<CrmDealFields>(),
        Service<CrmSettings>(), Service<OutboxSignal>(), new HostInstance(name), Clock, NullLogger<CrmPush>.Instance);

    private async Task<int> Pending()
    {
        await using var db = Bot.Database();
        return await db.CrmWrites.CountAsync(w => w.DoneAt == null && w.FailedAt == null);
    }
}

public sealed class CrmPushAcrossHostsTestsOnPostgres : CrmPushAcrossHostsTests, IOnPostgres;
