using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public class NewDealDialogTests : BotTest
{
    [StoreFact]
    public async Task NewDealAloneAsksForNameAmountAndCloseDateReAskingOnWhatItCannotRead()
    {
        await Bot.Flow()
            .Send("new deal").AssertReply(Contains("What's the deal called?"))
            .Send("Acme Corp").AssertReply(Contains("How much is it worth?", "[1] Skip"))
            .Send("a lot").AssertReply(Contains("That isn't an amount I can read", "How much is it worth?"))
            .Send("-5").AssertReply(Contains("An amount can't be negative", "How much is it worth?"))
            .Send("minus 45k").AssertReply(Contains("An amount can't be negative"))
            .Send("45k EUR").AssertReply(Contains("When do you expect it to close?"))
            .Send("whenever").AssertReply(Contains("That isn't a date I can read"))
            .Send("end of month").AssertReply(Contains("New deal: Acme Corp", "Amount: €45,000", "Expected close: Tue 31 Mar"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal((45_000m, "EUR", new DateOnly(2026, 3, 31), DealStage.Prospecting), (deal.Amount!.Value, deal.Currency!, deal.ExpectedCloseDate!.Value, deal.Stage));
    }

    [StoreFact]
    public async Task OptionalQuestionsCanBeSkipped()
    {
        await Bot.Flow()
            .Send("new deal").AssertReply(Contains("What's the deal called?"))
            .Send("Globex").AssertReply(Contains("How much"))
            .Send("skip").AssertReply(Contains("When do you expect it to close?"))
            .Send("1").AssertReply(Contains("New deal: Globex", "Amount: not set"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AOneLineDealWithCloseDateStageAndAccountIsSavedAtOnceAndCanBeUndone()
    {
        await Bot.Flow()
            .Send("new deal Website redesign at Acme Corp $20k closing end of month in discovery")
            .AssertReply(Contains("New deal: Website redesign", "Account: Acme Corp", "Amount: $20,000", "Stage: Discovery", "Expected close: Tue 31 Mar", "[1] Undo"))
            .Send("undo").AssertReply(Contains("Undone: Website redesign is deleted."))
            .Send("my deals").AssertReply(Contains("no open deals"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AQuarterAlreadyBehindUsMeansNextYearsNotAPassedDate()
    {
        await Bot.Flow()
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(200)))
            .Send("new deal Acme Corp ~40k eur, closing end of q2").AssertReply(Contains("New deal: Acme Corp", "Amount: €40,000", "Expected close: Wed 30 Jun 2027"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task ACloseDateThatHasPassedIsQuestioned()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $20k closing March 1 in discovery").AssertReply(Contains("That date has passed — which date should it close by?"))
            .Send("end of month").AssertReply(Contains("New deal: Acme Corp", "Amount: $20,000", "Stage: Discovery", "Expected close: Tue 31 Mar"))
            .Send("new deal").AssertReply(Contains("What's the deal called?"))
            .Send("Globex").AssertReply(Contains("How much"))
            .Send("skip").AssertReply(Contains("When do you expect it to close?"))
            .Send("last Friday").AssertReply(Contains("That date has passed — which date should it close by?"))
            .Send("skip").AssertReply(Contains("New deal: Globex"))
            .Send("change Globex close date to March 1").AssertReply(Contains("That date has passed. Which date should Globex close by?"))
            .Send("undo").AssertReply(Contains("Undone: Globex is deleted."))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal((DealStage.Discovery, new DateOnly(2026, 3, 31)), (deal.Stage, deal.ExpectedCloseDate));
    }

    [StoreFact]
    public async Task ANegativeAmountIsRefusedAndNeverPartOfTheName()
    {
        await Bot.Flow()
            .Send("new deal Acme -5000").AssertReply(Contains("An amount can't be negative", "new deal Acme $5,000"))
            .Send("new deal Globex -$12k").AssertReply(Contains("An amount can't be negative"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [StoreFact]
    public async Task ADuplicateNameMidDialogIsCaught()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal").AssertReply(Contains("What's the deal called?"))
            .Send("acme corp").AssertReply(Contains("already have an open deal called Acme Corp"))
            .StartTestAsync();
    }
}
