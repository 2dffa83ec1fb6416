using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public class DealConversationTests : BotTest
{
    [StoreFact]
    public async Task HelpListsTheCommandsWithExamples()
    {
        await Bot.Flow()
            .Send("help")
            .AssertReply(Contains("new deal Acme Corp $45,000", "my deals", "move Acme to discovery", "Prospecting → Initial contact"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task NewDealIsCreatedInProspectingOwnedByTheSpeaker()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000")
            .AssertReply(Contains("New deal: Acme Corp", "$45,000", "Prospecting"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.Owner).Include(d => d.StageHistory).SingleAsync();
        Assert.Equal(("Acme Corp", 45_000m, "USD", DealStage.Prospecting), (deal.Name, deal.Amount!.Value, deal.Currency!, deal.Stage));
        Assert.Equal("user1", (await db.RepAccounts.SingleAsync(a => a.RepId == deal.OwnerId)).AccountId);
        Assert.Equal(BotHarness.Start, deal.CreatedAt);
        Assert.Single(deal.StageHistory, c => c.From == null && c.To == DealStage.Prospecting);
    }

    [StoreFact]
    public async Task ASecondOpenDealWithTheSameNameIsRefused()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal: Acme Corp"))
            .Send("new deal acme corp $10,000").AssertReply(Contains("already have an open deal called Acme Corp"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(1, await db.Deals.CountAsync());
    }

    [StoreFact]
    public async Task MyDealsShowsStageAmountAndDaysSinceLastActivity()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("new deal Globex 12k EUR").AssertReply(Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(3)))
            .Send("my deals")
            .AssertReply(Contains("Your open deals (2)", "Acme Corp: Prospecting · $45,000 · 3 days since last activity",
                "Globex: Prospecting · €12,000 · 3 days", "Total: $45,000 + €12,000"))
            .Send("deals").AssertReply(Contains("Your open deals (2)"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task ADealIdleLongerThanItsStageThresholdIsMarkedStalled()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(15)))
            .Send("my deals").AssertReply(Contains("15 days since last activity · stalled"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task MoveByPartialCaseInsensitiveNameRecordsStageHistory()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(2)))
            .Send("move acme to initial contact")
            .AssertReply(Contains("Acme Corp → Initial contact", "Next best action"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.StageHistory).SingleAsync();
        Assert.Equal(DealStage.InitialContact, deal.Stage);
        Assert.Equal(BotHarness.Start.AddDays(2), deal.LastActivityAt);
        var move = deal.StageHistory.OrderBy(c => c.Id).Last();
        Assert.Equal((DealStage.Prospecting, DealStage.InitialContact, BotHarness.Start.AddDays(2)), (move.From!.Value, move.To, move.At));
    }

    [StoreTheory]
    [InlineData("move Acme to won", DealStage.Won)]
    [InlineData("mark acme corp as lost", DealStage.Lost)]
    public async Task WonOrLostClosesTheDealAndTakesItOffMyDeals(string command, DealStage outcome)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send(command).AssertReply(Contains("Acme Corp"))
            .Send("my deals").AssertReply(Contains("no open deals"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal((outcome, BotHarness.Start), (deal.Outcome!.Value, deal.ClosedAt!.Value));
    }

    [StoreFact]
    public async Task AWrongStageNameExplainsTheStagesAndChangesNothing()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move Acme to the moon")
            .AssertReply(Contains("I don't know the stage \"the moon\"", "Initial contact", "Follow-up", "Won", "Lost"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(DealStage.Prospecting, (await db.Deals.SingleAsync()).Stage);
    }

    [StoreFact]
    public async Task ADealNameThatMatchesNothingOffersToCreateIt()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move Hooli to proposal")
            .AssertReply(Contains("couldn't find a deal matching \"Hooli\"", "Your open deals: Acme Corp", "[1] New deal Hooli"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(DealStage.Prospecting, (await db.Deals.SingleAsync()).Stage);
    }

    [StoreFact]
    public async Task TwoMatchingDealsAskWhichOneWithAButtonForEach()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Acme Labs").AssertReply(Contains("New deal"))
            .Send("move acme to initial contact")
            .AssertReply(Contains("More than one deal matches", "[1] Acme Corp", "[2] Acme Labs"))
            .Send("2").AssertReply(Contains("Acme Labs → Initial contact"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task DealsThatShareANameAreListedOldestFirstEverywhere()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp in discovery").AssertReply(Contains("New deal"))
            .StartTestAsync();
        await using (var db = Bot.Database())
        {
            db.Deals.Add(Deal.Open("Acme Corp", null, await db.Reps.SingleAsync(), BotHarness.Start));
            await db.SaveChangesAsync();
        }
        await Bot.Flow()
            .Send("called acme corp today").AssertReply(Contains("[1] Acme Corp (Discovery, #1)  [2] Acme Corp (Prospecting, #2)"))
            .Send("cancel").AssertReply(Contains("cancelled"))
            .Send("objection price for acme corp")
            .AssertReply(Contains("More than one deal matches", "(Acme Corp in Discovery, Acme Corp in Prospecting): name one"))
            .Send("objection price for Zeta Industries").AssertReply(Contains("I couldn't find a deal matching \"Zeta Industries\", so this is the general advice."))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task UndoTakesBackTheNewestChangeFirst()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $40,000").AssertReply(Contains("New deal"))
            .Send("move acme to initial contact").AssertReply(Contains("Acme Corp → Initial contact"))
            .Send("change Acme amount to 50k").AssertReply(Contains("Updated Acme Corp: amount $40,000 → $50,000"))
            .Send("called Acme today, they want pricing by Friday").AssertReply(Contains("Log this call?"))
            .Send("Confirm").AssertReply(Contains("Logged: call on Acme Corp", "I'll remind you"))
            .Send("undo").AssertReply(Contains("Undone: the call on Acme Corp is removed, with its reminder."))
            .Do(() => Assert.Equal((0, 0), (Bot.Database().Interactions.Count(), Bot.Database().FollowUps.Count())))
            .Send("undo").AssertReply(Contains("Undone: the change to Acme Corp (amount $40,000 → $50,000)."))
            .Do(() => Assert.Equal(40_000m, Bot.Database().Deals.Single().Amount))
            .Send("undo").AssertReply(Contains("Undone: Acme Corp is back in Prospecting."))
            .Send("undo").AssertReply(Contains("Undone: Acme Corp is deleted."))
            .Send("undo").AssertReply(Contains("There is nothing to undo."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [StoreFact]
    public async Task UndoPutsTheDealBackAndDropsTheMistakenStep()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("won", "What made the difference?"))
            .Send("undo").AssertReply(StartsWith("Undone: Acme Corp is back in Prospecting."))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.StageHistory).SingleAsync();
        Assert.Equal((DealStage.Prospecting, (DateTimeOffset?)null), (deal.Stage, deal.ClosedAt));
        Assert.Single(deal.StageHistory);
    }

    [StoreFact]
    public async Task EachRepSeesOnlyTheirOwnDeals()
    {
        await Bot.Flow(BotHarness.User("alice"))
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .StartTestAsync();
        await Bot.Flow(BotHarness.User("bob"))
            .Send("my deals").AssertReply(Contains("no open deals"))
            .Send("move acme to discovery").AssertReply(Contains("couldn't find a deal"))
            .StartTestAsync();
    }

    [StoreTheory]
    [InlineData("foo bar")]
    [InlineData("what's the weather like")]
    [InlineData("move")]
    [InlineData("new deal")]
    public async Task AnythingElseGetsAShortHelpfulAnswer(string text)
    {
        await Bot.Flow()
            .Send(text)
            .AssertReply(activity => Assert.Matches("not sure what you meant|What's the deal called|Which deal, and to which stage", SalesCoachBot.Replies.ReplyText.Render(activity)))
            .StartTestAsync();
    }
}
