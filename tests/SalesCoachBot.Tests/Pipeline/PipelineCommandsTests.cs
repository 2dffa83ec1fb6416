using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Pipeline;

public class PipelineCommandsTests : BotTest
{
    [StoreFact]
    public async Task ThePipelineGroupsOpenDealsByStageWithTotalsAndCallsOutStalledOnes()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("new deal Globex $15,000 in discovery").AssertReply(Contains("New deal"))
            .Send("new deal Initech €10,000 in discovery").AssertReply(Contains("New deal"))
            .Send("new deal Hooli $5,000").AssertReply(Contains("New deal"))
            .Send("mark hooli as lost").AssertReply(Contains("Why was it lost?"))
            .Send("1").AssertReply(Contains("Noted"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(12)))
            .Send("my pipeline")
            .AssertReply(Contains("Your pipeline", "3 open deals, $60,000 + €10,000 in total.",
                "Prospecting (1): $45,000: Acme Corp", "Discovery (2): $15,000 + €10,000: Globex (stalled), Initech (stalled)",
                "Stalled: Globex (Discovery, 12 days idle); Initech (Discovery, 12 days idle)", "[1] Log a call with Globex"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AnEmptyPipelineSaysHowToStart()
    {
        await Bot.Flow().Send("pipeline").AssertReply(Contains("Your pipeline is empty", "new deal")).StartTestAsync();
    }
}
