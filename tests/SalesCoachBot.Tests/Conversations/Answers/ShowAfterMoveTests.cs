using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>"show" and a deal's name shows it at once, after a move as anywhere, with no "Did you mean…?".</summary>
public sealed class ShowAfterMoveTests : BotTest
{
    [StoreFact]
    public async Task ShowAndADealsNameShowsItGivenAMoveJustBefore()
    {
        await Bot.Flow()
            .Send("new deal Initech").AssertReply(Contains("New deal"))
            .Send("new deal Kestrel Analytics").AssertReply(Contains("New deal"))
            .Send("move kestrel to initial contact").AssertReply(Contains("Kestrel Analytics → Initial contact"))
            .Send("show initech").AssertReply(reply =>
            {
                DoesNotContain("Did you mean")(reply);
                Contains("Initech", "Stage: Prospecting")(reply);
            })
            .Send("open the kestrel deal").AssertReply(Contains("Kestrel Analytics", "Stage: Initial contact"))
            .StartTestAsync();
    }
}
