using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Cli;
using SalesCoachBot.Crm;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Crm;

/// <summary>Salesforce behind the same port: pulled by SOQL page by page, written by upsert on the external id, activities as Task and Event.</summary>
public class SalesforceTests : IAsyncLifetime
{
    private const string AliceUserId = "005000000000001";
    private static readonly ChatUser Alice = HubSpotFixture.Alice;
    private readonly FakeTimeProvider clock = new(BotHarness.Start);
    private TestDatabase database = null!;
    private FakeSalesforce salesforce = null!;
    private BotHarness bot = null!;

    private Dictionary<string, string?> Settings => new(database.Settings)
    {
        ["Crm:Provider"] = "Salesforce",
        ["Crm:Salesforce:InstanceUrl"] = salesforce.InstanceUrl,
        ["Crm:Salesforce:ClientId"] = FakeSalesforce.ClientId,
        ["Crm:Salesforce:ClientSecret"] = FakeSalesforce.ClientSecret,
        ["Crm:Salesforce:ApiVersion"] = FakeSalesforce.Version,
    };

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        salesforce = await FakeSalesforce.StartAsync(clock);
        salesforce.AddUser(AliceUserId, "alice@example.com", "Alice Archer");
        bot = await BotHarness.StartAsync(database.ConnectionString, clock, Settings, configure: builder => builder.AddCrm());
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await salesforce.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<CrmPullResult> PullAsync(bool full = false)
    {
        await using var scope = bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmPull>().PullAsync(full, CancellationToken.None);
    }

    private Task<int> PushAsync() => bot.Host.Services.GetRequiredService<CrmPush>().PushDueAsync(CancellationToken.None);

    /// <summary>Pushes, moving the clock while a call waits on it (the HTTP pipeline's back-off after a 5xx runs on the fake clock).</summary>
    private async Task<int> PushAdvancingClockAsync()
    {
        var push = PushAsync();
        while (await Task.WhenAny(push, Task.Delay(20)) != push)
            clock.Advance(TimeSpan.FromSeconds(1));
        return await push;
    }

    [StoreFact]
    public async Task AFullPullReadsOpportunitiesPageByPageWithTheirStagesAndOwners()
    {
        salesforce.AddOpportunity("Acme Corp", "Needs Analysis", 40000, "2026-04-30", AliceUserId);
        salesforce.AddOpportunity("Globex", "Negotiation/Review", 9000, "2026-05-30", AliceUserId);
        salesforce.AddOpportunity("Initech", "Closed Won", 1000, "2026-01-10", AliceUserId);
        salesforce.AddOpportunity("Hooli", "Closed Lost", 1000, "2024-01-10", AliceUserId);
        salesforce.AddOpportunity("Umbrella", "Qualification", null, "2026-06-30", AliceUserId);

        var pulled = await PullAsync(full: true);

        Assert.Equal(4, pulled.Created);
        Assert.True(salesforce.Requests.Count(r => r.StartsWith("GET /services/data/v62.0/query/", StringComparison.Ordinal)) >= 1, "the second page is read by nextRecordsUrl");
        await using (var db = bot.Database())
        {
            var deals = await db.Deals.Include(d => d.Owner).OrderBy(d => d.Name).ToListAsync();
            Assert.Equal(["Acme Corp", "Globex", "Initech", "Umbrella"], deals.Select(d => d.Name));
            Assert.Equal([DealStage.Discovery, DealStage.Negotiation, DealStage.Won, DealStage.InitialContact], deals.Select(d => d.Stage));
            Assert.All(deals, d => Assert.Equal("alice@example.com", d.Owner!.Email));
        }
        await bot.Flow(Alice).Send("show acme").AssertReply(Contains("Acme Corp", "Discovery", "$40,000")).StartTestAsync();
    }

    [StoreFact]
    public async Task AChatCreatedDealIsUpsertedOnceAndItsMovesAndActivitiesFollow()
    {
        await PullAsync(full: true);
        salesforce.LoseAnswerNext("PATCH /services/data/v62.0/sobjects/Opportunity/SalesCoach_Id__c/");
        await bot.Flow(Alice).Send("new deal Acme Corp $45,000 closing end of month").AssertReply(Contains("New deal")).StartTestAsync();

        for (var round = 0; round < 10 && await PushAdvancingClockAsync() == 0; round++)
            clock.Advance(TimeSpan.FromMinutes(1)); // a lost answer is tried again after a back-off

        var opportunity = Assert.Single(salesforce.Opportunities());
        Assert.Equal(("Acme Corp", 45000m, "2026-03-31", "Prospecting", AliceUserId),
            (opportunity["Name"]!.GetValue<string>(), opportunity["Amount"]!.GetValue<decimal>(), opportunity["CloseDate"]!.GetValue<string>(),
             opportunity["StageName"]!.GetValue<string>(), opportunity["OwnerId"]!.GetValue<string>()));

        await bot.Flow(Alice)
            .Send("move acme to initial contact").AssertReply(Contains("Acme Corp → Initial contact"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .StartTestAsync();
        while (await PushAsync() > 0)
        {
        }

        opportunity = Assert.Single(salesforce.Opportunities());
        Assert.Equal("Qualification", opportunity["StageName"]!.GetValue<string>());
        var (type, task) = Assert.Single(salesforce.Activities);
        Assert.Equal(("Task", "Call", opportunity["Id"]!.GetValue<string>()), (type, task["TaskSubtype"]!.GetValue<string>(), task["WhatId"]!.GetValue<string>()));
    }

    [StoreFact]
    public async Task AChangeMadeInSalesforceShowsAfterTheNextPull()
    {
        var id = salesforce.AddOpportunity("Acme Corp", "Needs Analysis", 40000, "2026-04-30", AliceUserId);
        await PullAsync(full: true);
        clock.Advance(TimeSpan.FromMinutes(5));
        salesforce.Change(id, new JsonObject { ["Amount"] = 52000, ["StageName"] = "Proposal/Price Quote" });
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, (await PullAsync()).Updated);

        await bot.Flow(Alice).Send("show acme").AssertReply(Contains("Proposal", "$52,000")).StartTestAsync();
    }

    [StoreFact]
    public async Task AnOpportunityDeletedInSalesforceIsArchivedByTheNextPull()
    {
        var id = salesforce.AddOpportunity("Acme Corp", "Needs Analysis", 40000, "2026-04-30", AliceUserId);
        await PullAsync(full: true);
        clock.Advance(TimeSpan.FromMinutes(5));
        salesforce.Delete(id);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, (await PullAsync()).Archived);

        await using var db = bot.Database();
        Assert.Empty(await db.Deals.ToListAsync());
    }

    [StoreFact]
    public async Task AfterThreeWeeksWithoutAPullTheNextOneStillWorks()
    {
        var id = salesforce.AddOpportunity("Acme Corp", "Needs Analysis", 40000, "2026-04-30", AliceUserId);
        var gone = salesforce.AddOpportunity("Globex", "Needs Analysis", 9000, "2026-04-30", AliceUserId);
        await PullAsync(full: true);
        clock.Advance(TimeSpan.FromDays(21)); // the bot was stopped; Salesforce lists deletions of the last 15 days only
        salesforce.Change(id, new JsonObject { ["Amount"] = 52000 });
        salesforce.Delete(gone);
        clock.Advance(TimeSpan.FromMinutes(5));

        var pulled = await PullAsync();

        Assert.Equal((1, 1), (pulled.Updated, pulled.Archived));
        await using var db = bot.Database();
        Assert.Equal(52000m, (await db.Deals.SingleAsync()).Amount);
    }

    [StoreFact]
    public async Task ARefusedLoginStopsCrmSyncWithOneLineNamingIt()
    {
        var error = new StringWriter();
        string[] args = ["sync", "--full", .. Settings.Select(s => $"--{s.Key}={(s.Key == "Crm:Salesforce:ClientSecret" ? "wrong" : s.Value)}")];

        Assert.Equal(1, await CrmCommand.RunAsync(args, new StringWriter(), error));

        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Salesforce refused the login (Crm:Salesforce:ClientId, Crm:Salesforce:ClientSecret): invalid client credentials", line.TrimEnd());
    }
}

public sealed class SalesforceTestsOnPostgres : SalesforceTests, IOnPostgres;
