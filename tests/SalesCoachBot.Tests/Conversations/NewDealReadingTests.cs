using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public class NewDealReadingTests : BotTest
{
    [StoreFact]
    public async Task ANameWhoseEndIsAGuessIsShownBeforeItIsSavedAndCanBeCorrected()
    {
        await Bot.Flow()
            .Send("new deal Ravenscroft Dairy, 14k, they want a pilot first")
            .AssertReply(Contains("New deal?", "Here's what I understood. Save it?", "Name: Ravenscroft Dairy", "Amount: $14,000", "[1] Confirm", "[2] Edit", "[3] Cancel"))
            .Send("Confirm").AssertReply(Contains("New deal: Ravenscroft Dairy", "Amount: $14,000"))
            .Send("Halberd Tools reached out about pricing, add them as a new deal, 30k")
            .AssertReply(Contains("Name: Halberd Tools", "Amount: $30,000"))
            .Send("Edit").AssertReply(Contains("What's the deal called?"))
            .Send("Halberd Tools GmbH").AssertReply(Contains("Name: Halberd Tools GmbH", "Amount: $30,000"))
            .Send("1").AssertReply(Contains("New deal: Halberd Tools GmbH", "Amount: $30,000"))
            .Send("new deal Corbel Print, not sure about budget yet").AssertReply(Contains("Name: Corbel Print"))
            .Send("Cancel").AssertReply(Contains("Nothing was saved."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(["Halberd Tools GmbH", "Ravenscroft Dairy"], await db.Deals.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
    }

    [StoreFact]
    public async Task AStageSaidBeforeTheAmountIsTheDealsStage()
    {
        await Bot.Flow()
            .Send("new deal Tamarind Kitchens in proposal, 8k").AssertReply(Contains("New deal: Tamarind Kitchens", "Amount: $8,000", "Stage: Proposal"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AMonthWithoutAYearIsItsNextOccurrenceThisMonthWhenSaidInIt()
    {
        await Bot.Flow()
            .Do(() => Bot.Clock.Advance(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow()))
            .Send("new deal Quayside Ferries 40k closing december").AssertReply(Contains("New deal: Quayside Ferries", "Expected close: Thu 31 Dec"))
            .Send("new deal Lowther Mills 12k by march").AssertReply(Contains("New deal: Lowther Mills", "Expected close: Wed 31 Mar 2027"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31)], await db.Deals.OrderBy(d => d.Id).Select(d => d.ExpectedCloseDate!.Value).ToListAsync());
    }
}
