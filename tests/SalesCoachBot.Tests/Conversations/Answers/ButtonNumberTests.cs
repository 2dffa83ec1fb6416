using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>A number typed at a question that lists choices presses that choice, whatever kind of question it is.</summary>
public sealed class ButtonNumberTests : BotTest
{
    [StoreFact]
    public async Task ANumberPicksTheListedDealGivenAFreeTextDealQuestion()
    {
        var quarry = 0;
        await Bot.Flow()
            .Send("new deal Borealis Freight").AssertReply(Contains("New deal"))
            .Send("new deal Quarry Labs").AssertReply(Contains("New deal"))
            .Send("log a demo").AssertReply(reply =>
            {
                Contains("Which deal", "Borealis Freight", "Quarry Labs")(reply);
                quarry = reply.Buttons.ToList().FindIndex(b => b.Title == "Quarry Labs") + 1;
            })
            .Send(() => quarry.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AssertReply(reply =>
            {
                DoesNotContain("I don't have a deal")(reply);
                Contains("Deal: Quarry Labs")(reply);
            })
            .Send("confirm").AssertReply(Contains("Logged: demo on Quarry Labs"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(["Borealis Freight", "Quarry Labs"], await db.Deals.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync());
    }
}
