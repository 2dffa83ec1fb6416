using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A word that cancels or asks for help means it wherever it is said: on its own or at a question.</summary>
public sealed class CommandWordsTests : BotTest
{
    [Theory]
    [InlineData("quit")]
    [InlineData("cancel.")]
    [InlineData("Never mind!")]
    public Task ACancelWordOnItsOwnHasNothingToCancel(string word) =>
        Bot.Flow().Send(word).AssertReply(reply => Assert.Equal("There's nothing to cancel.", reply.Text)).StartTestAsync();

    [Theory]
    [InlineData("quit")]
    [InlineData("cancel.")]
    public Task ACancelWordAtAQuestionDropsIt(string word) =>
        Bot.Flow()
            .Send("log a call").AssertReply(reply => Assert.Contains("Which deal", reply.Text))
            .Send(word).AssertReply(reply => Assert.DoesNotContain("Which deal", reply.Text))
            .Send("Acme").AssertReply(reply => Assert.DoesNotContain("Log this call", reply.Text))
            .StartTestAsync();

    [Theory]
    [InlineData("help")]
    [InlineData("commands")]
    [InlineData("what can you do?")]
    public Task AHelpWordAtAQuestionExplainsItAndAsksAgain(string word) =>
        Bot.Flow()
            .Send("log a call").AssertReply(reply => Assert.Contains("Which deal", reply.Text))
            .Send(word).AssertReply(reply => Assert.Contains("Which deal", reply.Text))
            .StartTestAsync();
}
