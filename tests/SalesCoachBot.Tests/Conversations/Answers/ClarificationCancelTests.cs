using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>"Cancel" at "Did you mean…?" drops that question.</summary>
public sealed class ClarificationCancelTests : BotTest
{
    [StoreFact]
    public async Task CancelDropsTheQuestionGivenDidYouMean()
    {
        await Bot.Flow()
            .Send("new deal Tidewater Energy").AssertReply(Contains("New deal"))
            .Send("that tidewater business").AssertReply(Contains("Did you mean"))
            .Send("never mind").AssertReply(reply =>
            {
                DoesNotContain("nothing to cancel")(reply);
                Contains("question dropped", "that tidewater business")(reply);
            })
            .StartTestAsync();
    }
}
