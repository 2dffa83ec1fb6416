using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>"The next stage", "back a stage": one stage on from the deal's own, or one back.</summary>
public sealed class RelativeStageMoveTests : BotTest
{
    [Theory]
    [InlineData("push acme to the next stage")]
    [InlineData("move acme to next stage")]
    [InlineData("acme to the next stage pls")]
    [InlineData("move acme one stage forward")]
    [InlineData("bump acme up a stage")]
    [InlineData("advance acme a stage further")]
    public async Task TheNextStageIsTheOneAfterTheDealsOwn(string text)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000 in discovery").AssertReply(Contains("Stage: Discovery"))
            .Send(text).AssertReply(Contains("Acme Corp → Proposal"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("move acme back a stage")]
    [InlineData("push acme to the previous stage")]
    [InlineData("acme back one stage, they went quiet")]
    [InlineData("take acme one stage back")]
    [InlineData("move acme down a stage")]
    [InlineData("acme should go to the prior stage")]
    public async Task ThePreviousStageIsTheOneBeforeTheDealsOwn(string text)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000 in discovery").AssertReply(Contains("Stage: Discovery"))
            .Send(text).AssertReply(Contains("Acme Corp → Initial contact"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ThereIsNoStageBeforeTheFirstNorAfterTheLast()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("Stage: Prospecting"))
            .Send("move acme back a stage").AssertReply(Contains("Acme Corp is in Prospecting, the first stage: there is none before it."))
            .Send("new deal Globex $10k in follow-up").AssertReply(Contains("Stage: Follow-up"))
            .Send("push globex to the next stage").AssertReply(Contains("Globex is in Follow-up: there is no next stage."))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheNextStageOfADealThatIsNotThereSaysSo()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("push initech to the next stage").AssertReply(Contains("I couldn't find a deal matching \"initech\""))
            .StartTestAsync();
    }
}
