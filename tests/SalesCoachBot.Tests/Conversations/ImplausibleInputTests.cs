using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public sealed class ImplausibleInputTests : BotTest
{
    [Fact]
    public async Task AMessageOverFourThousandCharactersIsRefusedAndNothingIsStored()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $20k " + new string('x', 4_000)).AssertReply(Contains("That message is too long for me (4,024 characters); keep it under 4,000."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [Fact]
    public async Task ControlCharactersAndTerminalEscapesAreStrippedBeforeAnythingIsStoredOrEchoed()
    {
        await Bot.Flow()
            .Send("new deal \u001b[31mAcme\u0000 Corp\u001b[0m\u0007 $20k").AssertReply(Contains("New deal: Acme Corp"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal("Acme Corp", (await db.Deals.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("31 Feb", "There's no 31 Feb")]
    [InlineData("30/02", "There's no 30/02")]
    [InlineData("Feb 30", "There's no Feb 30")]
    public async Task AnImpossibleCloseDateIsNamedAndAskedAgain(string date, string refusal)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $20k").AssertReply(Contains("New deal"))
            .Send($"push acme close date to {date}").AssertReply(Contains(refusal, "Which date did you mean?"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Null((await db.Deals.SingleAsync()).ExpectedCloseDate);
    }

    [Fact]
    public async Task ACloseDateMoreThanTenYearsAwayIsQuestioned()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $20k").AssertReply(Contains("New deal"))
            .Send("push acme close date to March 15 2176").AssertReply(Contains("\"March 15 2176\" is 150 years away. Which date did you mean?"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Null((await db.Deals.SingleAsync()).ExpectedCloseDate);
    }

    [Fact]
    public async Task ATwentyDigitAmountIsRefusedNotRounded()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $12345678901234567890").AssertReply(Contains("$12345678901234567890 is too large for an amount", "Which amount did you mean?"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }
}
