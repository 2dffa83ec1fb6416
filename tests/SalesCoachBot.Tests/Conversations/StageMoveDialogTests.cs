using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public class StageMoveDialogTests : BotTest
{
    [StoreFact]
    public async Task SkippingStagesAsksFirstAndNoKeepsTheDealWhereItIs()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to proposal").AssertReply(Contains("skips Initial contact, Discovery. Move it anyway?"))
            .Send("no").AssertReply(Contains("Acme Corp stays in Prospecting"))
            .Send("move acme to proposal").AssertReply(Contains("Move it anyway?"))
            .Send("yes").AssertReply(Contains("Acme Corp → Proposal", "Next best action"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(DealStage.Proposal, (await db.Deals.SingleAsync()).Stage);
    }

    [StoreFact]
    public async Task MovingBackIsNotASkipAndNeedsNoConfirmation()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp in negotiation").AssertReply(Contains("Stage: Negotiation"))
            .Send("move acme to discovery").AssertReply(Contains("Acme Corp → Discovery"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AWinAsksWhatMadeTheDifferenceAndRecordsIt()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("Congratulations, Acme Corp is won ($45,000)!", "What made the difference?"))
            .Send("Champion in finance pushed it through").AssertReply(Contains("Noted why Acme Corp was won"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.StageHistory).SingleAsync();
        Assert.Equal("Champion in finance pushed it through", deal.CloseReason);
        Assert.Equal("Champion in finance pushed it through", deal.StageHistory.Single(c => c.To == DealStage.Won).Reason);
    }

    [StoreFact]
    public async Task ALossAsksForAReasonFromTheListOrInWords()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("move acme to lost").AssertReply(Contains("Acme Corp is marked lost.", "Why was it lost?", "[2] Lost to a competitor", "[7] Other"))
            .Send("2").AssertReply(Contains("Noted: Acme Corp lost (Lost to a competitor)"))
            .Send("mark globex as lost").AssertReply(Contains("Why was it lost?"))
            .Send("other").AssertReply(Contains("What happened, in a line?"))
            .Send("They merged with a customer of ours").AssertReply(Contains("Noted: Globex lost (They merged with a customer of ours)"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(["Lost to a competitor", "They merged with a customer of ours"], await db.Deals.OrderBy(d => d.Id).Select(d => d.CloseReason).ToListAsync());
    }

    [StoreFact]
    public async Task ALossReasonInWordsIsFiledUnderTheNearestReasonAndKept()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("move acme to lost").AssertReply(Contains("Why was it lost?"))
            .Send("went with a competitor, cheaper").AssertReply(Contains("Noted: Acme Corp lost (Lost to a competitor: went with a competitor, cheaper)"))
            .Send("move globex to lost").AssertReply(Contains("Why was it lost?"))
            .Send("the office flooded").AssertReply(Contains("Noted: Globex lost (Other: the office flooded)"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(["Lost to a competitor: went with a competitor, cheaper", "Other: the office flooded"],
            await db.Deals.OrderBy(d => d.Id).Select(d => d.CloseReason).ToListAsync());
    }

    [StoreFact]
    public async Task CancellingTheReasonSaysTheMoveStands()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to lost").AssertReply(Contains("Why was it lost?"))
            .Send("help").AssertReply(Contains("Why was it lost?"))
            .Send("cancel").AssertReply(Contains("Acme Corp stays Lost; no reason recorded."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(DealStage.Lost, (await db.Deals.SingleAsync()).Stage);
    }

    [StoreFact]
    public async Task AWinReasonLeftForAnotherCommandIsSaidToBeUnrecorded()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("my deals").AssertReply(StartsWith("(No win reason recorded for Acme Corp.)", "You have no open deals yet."))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task TheReasonCanBeSkippedAndTheWinStands()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(Contains("OK."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal((DealStage.Won, (string?)null), (await db.Deals.Select(d => new { d.Stage, d.CloseReason }).SingleAsync() is var d ? (d.Stage, d.CloseReason) : default));
    }
}
