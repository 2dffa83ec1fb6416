using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Crm;

/// <summary>What a rep does by chat reaches HubSpot: once, in HubSpot's own shapes, whatever HubSpot answers on the way.</summary>
public class HubSpotPushTests : HubSpotFixture
{
    [StoreFact]
    public async Task AChatCreatedDealAppearsOnceWithAmountCloseDateStageAndOwner()
    {
        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000 closing end of month").AssertReply(Contains("New deal")).StartTestAsync();
        await PullAsync(full: true); // defines salescoach_id, reads owners and the pipeline

        Assert.Equal(1, await PushAsync());

        var (id, deal) = Assert.Single(HubSpot.Deals());
        Assert.Equal("Acme Corp", deal["dealname"]);
        Assert.Equal("45000", deal["amount"]);
        Assert.Equal("2026-03-31T00:00:00.000Z", deal["closedate"]);
        Assert.Equal("appointmentscheduled", deal["dealstage"]);
        Assert.Equal("default", deal["pipeline"]);
        Assert.Equal(AliceOwnerId, deal["hubspot_owner_id"]);
        await using var db = Bot.Database();
        var ours = await db.Deals.SingleAsync();
        Assert.Equal(ours.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), deal["salescoach_id"]);
        Assert.Equal(id, (await db.CrmLinks.SingleAsync()).CrmId);
    }

    [StoreFact]
    public async Task StageMovesEditsWonLostWithTheReasonAndLoggedActivitiesFollow()
    {
        await PullAsync(full: true);
        await Bot.Flow(Alice)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move acme to proposal").AssertReply(Contains("Move it anyway?"))
            .Send("yes").AssertReply(Contains("Acme Corp → Proposal"))
            .Send("change acme amount to 50k").AssertReply(Contains("$50,000"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .StartTestAsync();
        while (await PushAsync() > 0)
        {
        }

        var (id, deal) = Assert.Single(HubSpot.Deals());
        Assert.Equal("presentationscheduled", deal["dealstage"]);
        Assert.Equal("50000", deal["amount"]);
        Assert.StartsWith("They want pricing by friday", deal["hs_next_step"], StringComparison.OrdinalIgnoreCase);
        var (type, call) = Assert.Single(HubSpot.Activities);
        Assert.Equal("calls", type);
        Assert.Equal(id, call["associations"]![0]!["to"]!["id"]!.GetValue<string>());
        Assert.Equal(206, call["associations"]![0]!["types"]![0]!["associationTypeId"]!.GetValue<int>());
        Assert.NotNull(call["properties"]!["hs_timestamp"]);

        await Bot.Flow(Alice).Send("mark acme as lost").AssertReply(Contains("Why was it lost?")).Send("they chose a cheaper rival").AssertReply(Contains("Noted")).StartTestAsync();
        while (await PushAsync() > 0)
        {
        }
        deal = Assert.Single(HubSpot.Deals()).Properties;
        Assert.Equal("closedlost", deal["dealstage"]);
        Assert.Contains("they chose a cheaper rival", deal["closed_lost_reason"], StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task AWriteThatHit429ThreeTimesLandsOnceAfterTheWaitsHubSpotAskedFor()
    {
        await PullAsync(full: true);
        HubSpot.RateLimitNext("POST /crm/v3/objects/deals/batch/upsert", times: 2, retryAfterSeconds: 30);
        HubSpot.RateLimitNext("POST /crm/v3/objects/deals/batch/upsert", times: 1); // no Retry-After: the secondly window says one second
        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).StartTestAsync();

        Assert.Equal(0, await PushAsync());
        await using (var db = Bot.Database())
            Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(30), (await db.CrmWrites.SingleAsync()).NextAttemptAt);
        Assert.Equal(0, await PushAsync()); // not due yet: HubSpot is not asked
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await PushAsync());
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await PushAsync());
        await using (var db = Bot.Database())
            Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(1), (await db.CrmWrites.SingleAsync()).NextAttemptAt);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await PushAsync());

        Assert.Single(HubSpot.Deals());
        Assert.Equal(4, HubSpot.Requests.Count(r => r == "POST /crm/v3/objects/deals/batch/upsert"));
    }

    [StoreFact]
    public async Task ACreateWhoseAnswerWasLostIsNotDuplicatedWhenRetried()
    {
        await PullAsync(full: true);
        HubSpot.LoseAnswerNext("POST /crm/v3/objects/deals/batch/upsert");
        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).StartTestAsync();

        for (var round = 0; round < 10 && await PushAdvancingClockAsync() == 0; round++)
            Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(HubSpot.Deals());
        await using var db = Bot.Database();
        Assert.NotNull((await db.CrmWrites.SingleAsync()).DoneAt);
    }

    [StoreFact]
    public async Task AWriteHubSpotRefusesIsToldToTheRepOnceInPlainWords()
    {
        await PullAsync(full: true);
        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).StartTestAsync();
        await PushAsync();
        HubSpot.FailNext("PATCH /crm/v3/objects/deals/", 400);
        await Bot.Flow(Alice).Send("change acme amount to 50k").AssertReply(Contains("$50,000")).StartTestAsync();

        await PushAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await PushAsync();

        var told = Assert.Single(Bot.Outbox(), m => m.Reply.Text.Contains("HubSpot did not take", StringComparison.Ordinal));
        Assert.Contains("your change to Acme Corp (amount): Property values were not valid", told.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("45000", Assert.Single(HubSpot.Deals()).Properties["amount"]);
        await using var db = Bot.Database();
        Assert.Single(await db.CrmWrites.Where(w => w.FailedAt != null).ToListAsync());
    }

    [StoreFact]
    public async Task AScopeTheAppLacksHoldsTheWritesUntilItIsGrantedInsteadOfDroppingThem()
    {
        await PullAsync(full: true);
        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).StartTestAsync();
        await PushAsync();
        HubSpot.WithoutScope("POST /crm/v3/objects/calls", "crm.objects.contacts.write");
        await Bot.Flow(Alice).Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged")).StartTestAsync();

        while (await PushAsync() > 0)
        {
        }

        await using (var db = Bot.Database())
        {
            Assert.Empty(await db.CrmWrites.Where(w => w.FailedAt != null).ToListAsync());
            Assert.Contains(await db.CrmWrites.Where(w => w.DoneAt == null).Select(w => w.LastError).ToListAsync(),
                e => e != null && e.Contains("crm.objects.contacts.write", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(Bot.Outbox(), m => m.Reply.Text.Contains("HubSpot did not take", StringComparison.Ordinal)); // the admin's to fix, not the rep's

        HubSpot.Grant("POST /crm/v3/objects/calls");
        Clock.Advance(TimeSpan.FromMinutes(5));
        while (await PushAsync() > 0)
        {
        }

        Assert.Equal("calls", Assert.Single(HubSpot.Activities).Type);
        Assert.StartsWith("They want pricing by friday", Assert.Single(HubSpot.Deals()).Properties["hs_next_step"], StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task ATurnNeverWaitsForHubSpot()
    {
        await PullAsync(full: true);
        HubSpot.FailNext("POST /crm/v3/objects/deals/batch/upsert", 503, times: 20);

        await Bot.Flow(Alice).Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).Send("show acme").AssertReply(Contains("Acme Corp")).StartTestAsync();

        Assert.DoesNotContain(HubSpot.Requests, r => r.Contains("upsert", StringComparison.Ordinal));
    }
}

public sealed class HubSpotPushTestsOnPostgres : HubSpotPushTests, IOnPostgres;
