using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Goals;

public sealed class GoalSentenceTests : BotTest
{
    [Fact]
    public async Task AGoalThatOpensASentenceStartsWithACapital()
    {
        // The second goal set gets the third "goal set" line, the one that opens with the goal.
        await Bot.Flow()
            .Send("goal: 20 calls a week").AssertReply(Contains("20 calls a week"))
            .Send("my goal is to close 2 deals this month").AssertReply(Contains("Close 2 deals this month is your target now."))
            .StartTestAsync();
    }
}
