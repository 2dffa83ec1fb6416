using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

/// <summary>A stage's word said for something the rep does ("follow up with …") is no move to that stage.</summary>
public sealed class StageMentionTests
{
    private static readonly StageFinder Stages = new(TestContent.Shipped);

    [Theory]
    [InlineData("follow up with acme next tue")]
    [InlineData("need to follow up with globex re pricing")]
    [InlineData("follow-up w/ initech tomorrow")]
    [InlineData("had a discovery call with umbrella today")]
    public void AnActivityNamedLikeAStageIsNoStage(string text) => Assert.Null(Stages.Find(text));

    [Theory]
    [InlineData("move acme to follow up", DealStage.FollowUp)]
    [InlineData("put globex in follow-up, kickoff is done", DealStage.FollowUp)]
    [InlineData("move acme to discovery on friday", DealStage.Discovery)]
    [InlineData("initech is in negotiation now", DealStage.Negotiation)]
    public void AStageSaidAsWhereTheDealIsIsFound(string text, DealStage stage) => Assert.Equal(stage, Stages.Find(text)?.Stage);
}
