using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>One deal's view, editing it, reopening and deleting it, and the next steps past due. The clock starts Monday 2 March 2026.</summary>
public class DealViewAndEditTests : BotTest
{
    [StoreFact]
    public async Task ADealsViewShowsWhereItStandsWhyItIsOrIsNotStalledAndWhatIsNext()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000 closing end of month").AssertReply(Contains("New deal"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("what's next for acme?").AssertReply(Contains(
                "Acme Corp", "Stage: Prospecting", "Amount: $45,000", "Expected close: Tue 31 Mar", "fine (stalls after 14 days in Prospecting)",
                "Call, today: Called acme today", "Next step: They want pricing by friday (Fri 6 Mar)", "[1] Log activity"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(20)))
            .Send("show acme").AssertReply(Contains("20 days: stalled (deals in Prospecting stall after 14 days)", "Next step (overdue): They want pricing by friday"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AmountCloseDateAndNameAreEditedFromChatAndUndoPutsThemBack()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("change acme amount to 50k").AssertReply(Contains("Updated Acme Corp: amount $45,000 → $50,000"))
            .Send("push acme close date to March 15").AssertReply(Contains("expected close not set → 15 Mar 2026"))
            .Send("rename acme to Acme Corp EMEA").AssertReply(Contains("name Acme Corp → Acme Corp EMEA"))
            .Send("undo").AssertReply(Contains("Acme Corp"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal(("Acme Corp", 50_000m, new DateOnly(2026, 3, 15)), (deal.Name, deal.Amount!.Value, deal.ExpectedCloseDate!.Value));
    }

    [StoreFact]
    public async Task AClosedDealReopensOnlyWhenTheRepSaysYesAndTheHistoryShowsIt()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp in negotiation").AssertReply(Contains("New deal"))
            .Send("mark acme as lost").AssertReply(Contains("Why was it lost?"))
            .Send("no budget").AssertReply(Contains("Noted"))
            .Send("move acme to negotiation").AssertReply(Contains("Acme Corp is Lost. Reopen it in Negotiation?"))
            .Send("no").AssertReply(Contains("stays"))
            .Send("reopen acme").AssertReply(Contains("Acme Corp is Lost. Reopen it in Negotiation?"))
            .Send("yes").AssertReply(Contains("Acme Corp → Negotiation"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var history = await db.StageChanges.OrderBy(c => c.Id).Select(c => c.To).ToListAsync();
        Assert.Equal([DealStage.Prospecting, DealStage.Negotiation, DealStage.Lost, DealStage.Negotiation], history);
        Assert.Null((await db.Deals.SingleAsync()).ClosedAt);
    }

    [StoreFact]
    public async Task ADealIsDeletedOnlyAfterConfirmationAndUndoBringsItBackWithEverythingOnIt()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("delete the acme deal").AssertReply(Contains("Delete Acme Corp and everything logged on it?", "undo"))
            .Send("no").AssertReply(Contains("Acme Corp stays"))
            .Send("delete the acme deal").AssertReply(Contains("Delete Acme Corp"))
            .Send("yes").AssertReply(Contains("Deleted Acme Corp, with its activities and reminders. Say *undo* to bring it back."))
            .Send("show acme").AssertReply(Contains("I couldn't find a deal matching \"acme\"."))
            .StartTestAsync();

        await using (var db = Bot.Database())
        {
            Assert.Equal(["Globex"], await db.Deals.Select(d => d.Name).ToListAsync());
            Assert.Empty(db.Interactions);
            Assert.Empty(db.FollowUps);
        }

        await Bot.Flow()
            .Send("undo").AssertReply(Contains("Undone: Acme Corp is back in Prospecting, with everything logged on it."))
            .Send("show acme").AssertReply(Contains("Call, today: Called acme today", "Next step: They want pricing by friday"))
            .Send("undo").AssertReply(Contains("Undone: Globex is deleted."))
            .StartTestAsync();

        await using var after = Bot.Database();
        Assert.Equal(["Acme Corp"], await after.Deals.Select(d => d.Name).ToListAsync());
        Assert.Equal((1, 1), (await after.Interactions.CountAsync(), await after.FollowUps.CountAsync()));
    }

    [StoreFact]
    public async Task ADeletedDealIsPurgedForGoodAfterAWeek()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, demo next tuesday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("delete acme").AssertReply(Contains("Delete Acme Corp"))
            .Send("yes").AssertReply(Contains("Deleted Acme Corp"))
            .StartTestAsync();

        Assert.Equal(0, await PurgeAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await PurgeAsync());

        await Bot.Flow().Send("undo").AssertReply(Contains("Acme Corp can no longer be restored.")).StartTestAsync();
        await using var db = Bot.Database();
        Assert.Equal((0, 0, 0), (await db.Deals.IgnoreQueryFilters().CountAsync(), await db.Interactions.IgnoreQueryFilters().CountAsync(), await db.StageChanges.IgnoreQueryFilters().CountAsync()));
    }

    private async Task<int> PurgeAsync()
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DealService>().PurgeDeletedAsync(TimeSpan.FromDays(7), CancellationToken.None);
    }

    [StoreFact]
    public async Task TheSameLogTwiceWithinMinutesAsksBeforeSavingItAgain()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme, they want pricing").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromMinutes(4)))
            .Send("called acme, they want pricing").AssertReply(Contains("You logged exactly this on Acme Corp 4 min ago. Log it again?"))
            .Send("cancel").AssertReply(Contains("cancelled"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromHours(1)))
            .Send("called acme, they want pricing").AssertReply(Contains("Log this call?"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(1, await db.Interactions.CountAsync());
    }

    [StoreFact]
    public async Task TheLastLoggedActivityCanBeCorrectedOrDeletedWithItsReminder()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, they want pricing by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("change the last call to an email").AssertReply(Contains("Changed the call on Acme Corp", "now email"))
            .Send("edit last log: emailed acme the deck").AssertReply(Contains("“emailed acme the deck”"))
            .StartTestAsync();

        await using (var db = Bot.Database())
        {
            var logged = await db.Interactions.SingleAsync();
            Assert.Equal((SalesCoachBot.Interactions.InteractionKind.Email, "emailed acme the deck"), (logged.Kind, logged.Summary));
            Assert.Equal(1, await db.FollowUps.CountAsync());
        }

        await Bot.Flow()
            .Send("delete the last activity").AssertReply(Contains("Deleted the email on Acme Corp", "with its reminder"))
            .Send("delete the last activity").AssertReply(Contains("You haven't logged anything yet."))
            .StartTestAsync();

        await using var after = Bot.Database();
        Assert.Empty(after.Interactions);
        Assert.Empty(after.FollowUps);
    }

    [StoreFact]
    public async Task OverdueListsNextStepsPastTheirDateOldestFirst()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("what's overdue?").AssertReply(Contains("Nothing overdue"))
            .Send("called globex today, they want a proposal by friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("called acme today, they want a demo tomorrow").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(7)))
            .Send("what's overdue?").AssertReply(activity =>
            {
                var text = SalesCoachBot.Replies.ReplyText.Render(activity);
                Contains("Overdue (2)")(activity);
                Assert.True(text.IndexOf("Acme Corp", StringComparison.Ordinal) < text.IndexOf("Globex", StringComparison.Ordinal), text);
            })
            .StartTestAsync();
    }
}
