using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>A question left for another command says in one line what was not done and how to do it.</summary>
public sealed class DroppedQuestionTests : BotTest
{
    [StoreFact]
    public async Task ALineSaysWhatWasNotDoneGivenAQuestionLeftForAnotherCommand()
    {
        await Bot.Flow()
            .Send("new deal Tidewater Energy").AssertReply(Contains("New deal"))
            .Send("move tidewater to discovery").AssertReply(Contains("Move it anyway?"))
            .Send("my deals").AssertReply(Contains("Not moved: Tidewater Energy", "\"move Tidewater Energy to Discovery\"", "open deals"))
            .Send("new deal Harbor Bakery $8k closing February 2").AssertReply(Contains("That date has passed"))
            .Send("my pipeline").AssertReply(Contains("Not created: the deal Harbor Bakery", "\"new deal Harbor Bakery\""))
            .Send("log a call").AssertReply(Contains("Which deal"))
            .Send("my deals").AssertReply(Contains("Not saved: the call", "\"log a call\"", "open deals"))
            .Send("delete tidewater").AssertReply(Contains("Delete Tidewater Energy"))
            .Send("my deals").AssertReply(Contains("Not deleted: Tidewater Energy", "Tidewater Energy"))
            .StartTestAsync();
    }
}
