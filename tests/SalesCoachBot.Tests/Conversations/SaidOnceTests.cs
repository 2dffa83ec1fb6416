using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public sealed class SaidOnceTests : BotTest
{
    [Fact]
    public async Task TheLogCardAsksOneQuestion()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today").AssertReply(reply =>
            {
                Assert.StartsWith("Log this call?\n", ReplyText.Render(reply));
                Assert.Single(ReplyText.Render(reply).Split('\n'), line => line.EndsWith('?'));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task AClosedDealSaysItsOutcomeOnce()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to lost").AssertReply(Contains("Why was it lost?"))
            .Send("went with a competitor, cheaper").AssertReply(Contains("Noted"))
            .Send("show acme").AssertReply(reply =>
            {
                Contains("Stage: Lost", "Why: Lost to a competitor: went with a competitor, cheaper")(reply);
                DoesNotContain("Lost: Lost")(reply);
            })
            .StartTestAsync();
    }
}
