using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Crm;

/// <summary>HubSpot is the record: its deals, owners and stages read here, in full or what changed since the last pull.</summary>
public class HubSpotPullTests : HubSpotFixture
{
    private static Dictionary<string, string?> Deal(string name, string stage, string? amount, string closeDate, string owner = AliceOwnerId) => new()
    {
        ["dealname"] = name,
        ["dealstage"] = stage,
        ["amount"] = amount,
        ["closedate"] = closeDate,
        ["hubspot_owner_id"] = owner,
    };

    private string[] CommandLine(params string[] words) =>
        [.. words, .. Settings.Select(s => $"--{s.Key}={s.Value}")];

    [StoreFact]
    public async Task CrmSyncFullReadsOpenDealsAndThoseClosedThisYearMatchingOwnersToRepsByEmail()
    {
        HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        var today = TimeProvider.System.GetUtcNow(); // the command runs on the machine's clock
        HubSpot.AddDeal(Deal("Globex", "closedwon", "12000.50", $"{today.AddMonths(-3):yyyy-MM-dd}T00:00:00.000Z"));
        HubSpot.AddDeal(Deal("Initech", "closedlost", "9000", $"{today.AddMonths(-13):yyyy-MM-dd}T00:00:00Z"));
        HubSpot.AddDeal(Deal("Umbrella", "contractsent", "", "2026-05-01T00:00:00Z", owner: "102"));
        HubSpot.AddDeal(Deal("Hooli", "qualifiedtobuy", "1", "2026-05-01T00:00:00Z")
            .Concat(new Dictionary<string, string?> { ["pipeline"] = "partners" }).ToDictionary());
        var output = new StringWriter();

        Assert.Equal(0, await CrmCommand.RunAsync(CommandLine("sync", "--full"), output, new StringWriter()));

        Assert.Contains("Read 3 deals: 3 new here", output.ToString(), StringComparison.Ordinal);
        Assert.True(HubSpot.SalesCoachIdDefined);
        await using (var db = Bot.Database())
        {
            var deals = await db.Deals.Include(d => d.Owner).OrderBy(d => d.Name).ToListAsync();
            Assert.Equal(["Acme Corp", "Globex", "Umbrella"], deals.Select(d => d.Name));
            Assert.Equal([DealStage.Discovery, DealStage.Won, DealStage.Closing], deals.Select(d => d.Stage));
            Assert.Equal(["alice@example.com", "alice@example.com", "bob@example.com"], deals.Select(d => d.Owner!.Email));
            Assert.Equal(12000.50m, deals[1].Amount);
            Assert.Null(deals[2].Amount);
        }
        await Bot.Flow(Alice).Send("show acme").AssertReply(Contains("Acme Corp", "Discovery", "$40,000")).StartTestAsync();
    }

    [StoreFact]
    public async Task AChangeMadeInHubSpotShowsAfterTheNextPull()
    {
        var id = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        Clock.Advance(TimeSpan.FromMinutes(5));
        HubSpot.ChangeDeal(id, new() { ["amount"] = "55000", ["dealstage"] = "decisionmakerboughtin", ["dealname"] = "Acme Corporation" });
        Clock.Advance(TimeSpan.FromMinutes(5));

        var pulled = await PullAsync();

        Assert.Equal((1, 1), (pulled.Read, pulled.Updated));
        await Bot.Flow(Alice).Send("show acme").AssertReply(Contains("Acme Corporation", "Negotiation", "$55,000")).StartTestAsync();
        Assert.Contains("POST /crm/v3/objects/deals/search", HubSpot.Requests);
    }

    [StoreFact]
    public async Task APullThatMeetsTheRateLimitWaitsAsHubSpotSaysAndCarriesOn()
    {
        var id = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        Clock.Advance(TimeSpan.FromMinutes(5));
        HubSpot.ChangeDeal(id, new() { ["amount"] = "55000" });
        Clock.Advance(TimeSpan.FromMinutes(5));
        HubSpot.RateLimitNext("POST /crm/v3/objects/deals/search", times: 2); // no Retry-After: the secondly window says one second

        var pulling = PullAsync();
        await Background.UntilAsync(_ =>
        {
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            return Task.FromResult(pulling.IsCompleted);
        }, "the pull");

        Assert.Equal((1, 1), ((await pulling).Read, (await pulling).Updated));
        Assert.Equal(3, HubSpot.Requests.Count(r => r == "POST /crm/v3/objects/deals/search"));
        await Bot.Flow(Alice).Send("show acme").AssertReply(Contains("$55,000")).StartTestAsync();
    }

    [StoreFact]
    public async Task AChatChangeToAFieldHubSpotChangedMeanwhileGivesWayAndTheRepIsTold()
    {
        var id = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Bot.Flow(Alice).Send("change acme amount to 45k").AssertReply(Contains("$45,000")).StartTestAsync();
        HubSpot.ChangeDeal(id, new() { ["amount"] = "60000" });
        Clock.Advance(TimeSpan.FromMinutes(5));

        var pulled = await PullAsync();
        await PushAsync();

        Assert.Equal(1, pulled.Conflicts);
        Assert.Equal("60000", Assert.Single(HubSpot.Deals()).Properties["amount"]);
        Assert.DoesNotContain(HubSpot.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
        var told = Assert.Single(Bot.Outbox()).Reply.Text;
        Assert.Contains("amount was changed in HubSpot to 60000 after you set it to 45000", told, StringComparison.Ordinal);
        await Bot.Flow(Alice).Send("show acme").AssertReply(Contains("$60,000")).StartTestAsync();
    }

    [StoreFact]
    public async Task AChatChangePushedBeforeAPullReadsHubSpotFirstAndKeepsItsNewerValue()
    {
        var id = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        HubSpot.ChangeDeal(id, new() { ["amount"] = "60000" });
        await Bot.Flow(Alice).Send("change acme amount to 45k").AssertReply(Contains("$45,000"))
            .Send("push acme close date to June 15").AssertReply(Contains("15 Jun 2026")).StartTestAsync();

        while (await PushAsync() > 0)
        {
        }

        var deal = Assert.Single(HubSpot.Deals()).Properties;
        Assert.Equal(("60000", "2026-06-15T00:00:00.000Z"), (deal["amount"], deal["closedate"]));
        Assert.Contains("after you set it to 45000", Assert.Single(Bot.Outbox()).Reply.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task ADealDeletedInHubSpotIsArchivedHere()
    {
        var gone = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        HubSpot.AddDeal(Deal("Globex", "qualifiedtobuy", "1000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        HubSpot.DeleteDeal(gone);

        var pulled = await PullAsync(full: true);

        Assert.Equal(1, pulled.Archived);
        await using var db = Bot.Database();
        Assert.Equal(["Globex"], await db.Deals.Select(d => d.Name).ToListAsync());
        Assert.NotNull((await db.Deals.IgnoreQueryFilters().SingleAsync(d => d.Name == "Acme Corp")).DeletedAt);
    }

    [StoreFact]
    public async Task ADealDeletedInHubSpotIsArchivedByTheNextIncrementalPull()
    {
        var gone = HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        Clock.Advance(TimeSpan.FromMinutes(5));
        HubSpot.DeleteDeal(gone);
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, (await PullAsync()).Archived);

        await using var db = Bot.Database();
        Assert.Empty(await db.Deals.ToListAsync());
    }

    [StoreFact]
    public async Task ListsAndSearchesAreReadPageByPage()
    {
        var ids = Enumerable.Range(1, 250).Select(i => HubSpot.AddDeal(Deal($"Deal {i:000}", "qualifiedtobuy", $"{i}", "2026-04-30T00:00:00Z"))).ToList();
        Assert.Equal(250, (await PullAsync(full: true)).Created);
        Clock.Advance(TimeSpan.FromMinutes(10));
        foreach (var id in ids.Take(230))
            HubSpot.ChangeDeal(id, new() { ["amount"] = "7000" });
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(230, (await PullAsync()).Updated);

        Assert.Equal(3 + 1, HubSpot.Requests.Count(r => r == "GET /crm/v3/objects/deals")); // three pages, then the deleted ones
        Assert.Equal(2, HubSpot.Requests.Count(r => r == "POST /crm/v3/objects/deals/search"));
        await using var db = Bot.Database();
        Assert.Equal(230, await db.Deals.CountAsync(d => d.Amount == 7000));
    }

    [StoreFact]
    public async Task AWrongTokenStopsCrmSyncWithOneLineNamingIt()
    {
        var error = new StringWriter();
        string[] args = [.. CommandLine("sync", "--full").Select(a => a.Replace(FakeHubSpot.Token, "pat-wrong", StringComparison.Ordinal))];

        Assert.Equal(1, await CrmCommand.RunAsync(args, new StringWriter(), error));

        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("HubSpot refused the access token (Crm:HubSpot:AccessToken)", line, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task CrmStatusAsksHubSpotNowAndNamesAWrongTokenInOneLine()
    {
        HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true); // the last pull worked; the token was changed since
        var (output, error) = (new StringWriter(), new StringWriter());
        string[] args = [.. CommandLine("status").Select(a => a.Replace(FakeHubSpot.Token, "pat-wrong", StringComparison.Ordinal))];

        Assert.Equal(1, await CrmCommand.RunAsync(args, output, error));

        Assert.Contains("Last pull: 2026-03-02 09:00 UTC", output.ToString(), StringComparison.Ordinal);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("HubSpot refused the access token (Crm:HubSpot:AccessToken)", line, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task CrmStatusShowsTheLastPullWritesWaitingOrRefusedAndTheRateLimitLeft()
    {
        HubSpot.AddDeal(Deal("Acme Corp", "qualifiedtobuy", "40000", "2026-04-30T00:00:00Z"));
        await PullAsync(full: true);
        HubSpot.FailNext("PATCH /crm/v3/objects/deals/", 400);
        HubSpot.RateLimitNext("POST /crm/v3/objects/calls", times: 1, retryAfterSeconds: 60);
        await Bot.Flow(Alice).Send("change acme amount to 45k").AssertReply(Contains("$45,000"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged")).StartTestAsync();
        for (var round = 0; round < 3; round++)
            await PushAsync(); // the refused edit, then the call (rate-limited) and the next step, in either order
        var output = new StringWriter();

        Assert.Equal(0, await CrmCommand.RunAsync(CommandLine("status"), output, new StringWriter()));

        var status = output.ToString();
        Assert.Contains("CRM: HubSpot", status, StringComparison.Ordinal);
        Assert.Contains("Last pull: 2026-03-02 09:00 UTC", status, StringComparison.Ordinal);
        Assert.Contains("refused  2026-03-02 09:00 UTC  Acme Corp: Property values were not valid", status, StringComparison.Ordinal);
        Assert.Contains("waiting  Acme Corp: HubSpot's rate limit was reached; next try 2026-03-02 09:01 UTC", status, StringComparison.Ordinal);
        Assert.Matches(@"Writes waiting: [12]; refused: 1", status);
        Assert.Matches(@"Rate limit: \d+ of 190 calls left per 10 s", status);
        Assert.Contains("HubSpot answers: yes", status, StringComparison.Ordinal);
    }
}

public sealed class HubSpotPullTestsOnPostgres : HubSpotPullTests, IOnPostgres;
