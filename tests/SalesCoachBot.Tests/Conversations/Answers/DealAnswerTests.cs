using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>At "which deal?", a deal's name, in part, in any case or slightly misspelt, is the answer, and the log goes on.</summary>
public sealed class DealAnswerTests : BotTest
{
    [StoreFact]
    public async Task ADealsNameInPartOrMisspeltAnswersWhichDealGivenALogWithoutOne()
    {
        await Bot.Flow()
            .Send("new deal Northwind Traders").AssertReply(Contains("New deal"))
            .Send("new deal Quarry Labs").AssertReply(Contains("New deal"))
            .Send("log a meeting").AssertReply(Contains("Which deal"))
            .Send("northwind").AssertReply(Contains("Deal: Northwind Traders", "Type: Meeting"))
            .Send("confirm").AssertReply(Contains("Logged: meeting on Northwind Traders"))
            .Send("log a demo").AssertReply(Contains("Which deal"))
            .Send("NORTHWIND TRADERS").AssertReply(Contains("Deal: Northwind Traders", "Type: Demo"))
            .Send("confirm").AssertReply(Contains("Logged: demo on Northwind Traders"))
            .Send("log a call").AssertReply(Contains("Which deal"))
            .Send("quarry labz").AssertReply(Contains("Deal: Quarry Labs", "Type: Call"))
            .Send("confirm").AssertReply(Contains("Logged: call on Quarry Labs"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(3, await db.Interactions.CountAsync());
    }
}
