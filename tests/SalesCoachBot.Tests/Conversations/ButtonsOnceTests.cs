using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>No reply carries two buttons with the same title or the same message.</summary>
public sealed class ButtonsOnceTests : BotTest
{
    [Theory]
    [InlineData("asdf")]
    [InlineData("hoz")]
    [InlineData("okey")]
    [InlineData("sup")]
    [InlineData("what's the weather like in lisbon")]
    [InlineData("tell me a joke")]
    [InlineData("the acme thing")]
    public async Task ANotSureAnswerOffersEachButtonOnce(string text)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send(text).AssertReply(reply =>
            {
                Assert.Contains(reply.Buttons, b => b.Message == "help" || b.Title == "Help");
                EachOnce(reply);
            })
            .StartTestAsync();
    }

    private static void EachOnce(Reply reply)
    {
        var text = ReplyText.Render(reply);
        Assert.True(reply.Buttons.Select(b => b.Title.ToLowerInvariant()).Distinct().Count() == reply.Buttons.Count, $"A title is there twice:\n{text}");
        Assert.True(reply.Buttons.Select(b => b.Message.ToLowerInvariant()).Distinct().Count() == reply.Buttons.Count, $"A message is there twice:\n{text}");
    }
}
