using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Objections;

public sealed class ObjectionCommandsTests : BotTest
{
    private static readonly SalesContent Content = TestContent.Shipped;

    [Fact]
    public async Task AnObjectionGetsTheFrameworkPhrasingsAndQuestions()
    {
        var price = Content.Playbook.Get("price")!;
        await Bot.Flow()
            .Send("they say we're too expensive")
            .AssertReply(Contains("Objection: Price or budget", "1. Acknowledge: " + price.Acknowledge, "2. Clarify: “" + price.Clarify[0],
                "3. Respond: “" + price.Respond[0], price.Respond[1], "4. Confirm: " + price.Confirm, "Name the deal"))
            .StartTestAsync();
    }

    [Fact]
    public async Task NamingADealAddsAdviceForItsStage()
    {
        var advice = Content.Playbook.Get("competitor")!.ByStage[DealStage.Negotiation];
        await Bot.Flow()
            .Send("new deal Acme Corp in negotiation").AssertReply(Contains("New deal"))
            .Send("objection: acme already uses a competitor")
            .AssertReply(Contains("Objection: Competitor", "At Negotiation (Acme Corp): " + advice))
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnclearObjectionAsksWhichKindWithAButtonForEach()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("objection for acme")
            .AssertReply(Contains("Which kind of objection is it?", "[1] Price or budget", "[8] Implementation"))
            .Send("2").AssertReply(Contains("Objection: Timing", "At Prospecting (Acme Corp)"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("/coach price", "Price or budget")]
    [InlineData("objection timing", "Timing")]
    [InlineData("tips: they need sign off from the board", "Authority")]
    [InlineData("they said just send me some info", "Trust")]
    [InlineData("legal wants changes to the contract", "Contract")]
    public async Task EachWayOfAskingReachesTheRightCategory(string text, string category)
    {
        await Bot.Flow().Send(text).AssertReply(Contains($"Objection: {category}")).StartTestAsync();
    }

    [Fact]
    public void ThePlaybookCoversEveryCategoryWithPhrasingsAndEveryStage()
    {
        string[] required = ["price", "timing", "competitor", "authority", "no-need", "trust", "contract", "implementation"];
        Assert.Equal(required, Content.Playbook.Categories.Select(c => c.Id));
        foreach (var category in Content.Playbook.Categories)
        {
            Assert.InRange(category.Respond.Count, 2, 3);
            Assert.NotEmpty(category.Clarify);
            Assert.Equal(StageNames.All.Where(s => !s.IsClosed()), category.ByStage.Keys.Order());
        }
    }
}
