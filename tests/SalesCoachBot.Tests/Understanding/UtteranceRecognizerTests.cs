using SalesCoachBot.Deals;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

public sealed class UtteranceRecognizerTests
{
    private static readonly UtteranceRecognizer Recognizer = new(new AmountRecognizer("USD"));

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("hi")]
    [InlineData("   ")]
    public void RecognizesHelp(string text) => Assert.IsType<HelpIntent>(Recognizer.Recognize(text));

    [Theory]
    [InlineData("deals")]
    [InlineData("my deals")]
    [InlineData("My Deals.")]
    [InlineData("show me my open deals")]
    [InlineData("pipeline")]
    public void RecognizesListDeals(string text) => Assert.IsType<ListDealsIntent>(Recognizer.Recognize(text));

    [Theory]
    [InlineData("new deal Acme Corp $45,000", "Acme Corp", 45_000d)]
    [InlineData("create a deal: Globex for $12,000", "Globex", 12_000d)]
    [InlineData("add deal Initech worth 1.2m", "Initech", 1_200_000d)]
    [InlineData("new deal   Route 66  Diner", "Route 66 Diner", null)]
    [InlineData("new deal", "", null)]
    public void ReadsNewDealNameAndAmount(string text, string name, double? amount)
    {
        var intent = Assert.IsType<NewDealIntent>(Recognizer.Recognize(text));
        Assert.Equal(name, intent.Name);
        Assert.Equal(amount is null ? null : new Money((decimal)amount, "USD"), intent.Value);
    }

    [Theory]
    [InlineData("move Acme to discovery", "Acme", "discovery")]
    [InlineData("move acme corp to initial contact", "acme corp", "initial contact")]
    [InlineData("Move Back to Basics Ltd to the proposal stage", "Back to Basics Ltd", "the proposal stage")]
    [InlineData("mark Acme as won", "Acme", "won")]
    [InlineData("put \"Acme\" in negotiation", "Acme", "negotiation")]
    public void ReadsMoveDealAndStage(string text, string deal, string stage) =>
        Assert.Equal(new MoveDealIntent(deal, stage), Recognizer.Recognize(text));

    [Fact]
    public void EverythingElseIsUnknown() => Assert.IsType<UnknownIntent>(Recognizer.Recognize("what's the weather"));

    [Theory]
    [InlineData("discovery", DealStage.Discovery)]
    [InlineData("Initial Contact", DealStage.InitialContact)]
    [InlineData("initial-contact", DealStage.InitialContact)]
    [InlineData("follow up", DealStage.FollowUp)]
    [InlineData("Follow-up", DealStage.FollowUp)]
    [InlineData("the negotiation stage", DealStage.Negotiation)]
    [InlineData("closed won", DealStage.Won)]
    [InlineData("LOST", DealStage.Lost)]
    public void ParsesStageNames(string text, DealStage expected)
    {
        Assert.True(StageNames.TryParse(text, out var stage));
        Assert.Equal(expected, stage);
    }

    [Theory]
    [InlineData("the moon")]
    [InlineData("")]
    [InlineData("stage")]
    public void RejectsWhatIsNotAStage(string text) => Assert.False(StageNames.TryParse(text, out _));
}
