using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>
/// Text with no plausible reading gets "not sure what you meant", and no question ever offers to close, reopen or
/// delete a deal when the message named no deal and said nothing of the kind.
/// </summary>
public sealed class GibberishTests : BotTest
{
    private static readonly string[] Destructive = ["won", "lost", "reopen", "delete-deal"];

    [Theory]
    [InlineData("qwzx vbnm")]
    [InlineData("asdf jkl")]
    [InlineData("zxcvbnm qwerty")]
    [InlineData("hjkl hjkl")]
    [InlineData("in almlpxi")]
    [InlineData("fdsjkl rewq oiuy")]
    public async Task AKeyboardMashGetsTheNotSureAnswerWithNothingDestructive(string mash)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send(mash).AssertReply(reply =>
            {
                Contains($"I'm not sure what you meant by “{mash}”")(reply);
                NoDestructiveChoice(reply);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task NoRandomLetterStringIsOfferedADestructiveChoice()
    {
        var random = new Random(28);
        string Word() => new([.. Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)('a' + random.Next(26)))]);
        var flow = Bot.Flow().Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"));
        for (var i = 0; i < 80; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Word()));
            flow.Send(text).AssertReply(reply =>
            {
                NoDestructiveChoice(reply);
                Assert.DoesNotContain("I want to get this right", ReplyText.Render(reply));
            });
        }
        await flow.StartTestAsync();
    }

    [Theory]
    [InlineData("what's the weather like in lisbon")]
    [InlineData("the printer on floor 3 is jammed again")]
    [InlineData("can you recommend a podcast")]
    [InlineData("my cat knocked over a plant")]
    public async Task AMessageThatNamesNoDealAndSaysNothingOfClosingIsNeverOfferedToCloseOne(string text)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send(text).AssertReply(NoDestructiveChoice)
            .StartTestAsync();
    }

    // A button to close, reopen or delete: the intent's own label ("Delete a deal") or its title for a deal ("Mark Acme Corp won").
    private static void NoDestructiveChoice(Reply reply)
    {
        var labels = TestContent.Shipped.Understanding.Intents.Where(i => Destructive.Contains(i.Id)).Select(i => i.Label).ToList();
        foreach (var button in reply.Buttons)
        {
            Assert.DoesNotContain(button.Title, labels);
            Assert.DoesNotMatch(@"^(Mark .* (won|lost)|Reopen .*|Delete .*)$", button.Title);
        }
    }
}
