using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations.Answers;

/// <summary>A yes/no question takes a yes or a no in the rep's words; anything else is a message of its own, never a loop.</summary>
public sealed class YesNoAnswerTests : BotTest
{
    [StoreFact]
    public async Task AYesOrNoInTheRepsWordsAnswersGivenAStageSkip()
    {
        await Bot.Flow()
            .Send("new deal Tidewater Energy").AssertReply(Contains("New deal"))
            .Send("move tidewater to proposal").AssertReply(Contains("Move it anyway?"))
            .Send("yeah sure, do it!").AssertReply(Contains("Tidewater Energy → Proposal"))
            .Send("move tidewater to closing").AssertReply(Contains("Move it anyway?"))
            .Send("nah, keep it there thanks").AssertReply(Contains("Tidewater Energy stays in Proposal"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AnotherMessageRunsAsOneGivenAYesNoQuestion()
    {
        await Bot.Flow()
            .Send("new deal Tidewater Energy").AssertReply(Contains("New deal"))
            .Send("move tidewater to negotiation").AssertReply(Contains("Move it anyway?"))
            .Send("what do I say when they tell me we cost too much").AssertReply(reply =>
            {
                DoesNotContain("yes or no")(reply);
                Contains("Objection")(reply);
            })
            .Send("move tidewater to negotiation").AssertReply(Contains("Move it anyway?"))
            .Send("hmm").AssertReply(Contains("Please answer yes or no."))
            .Send("hmm hmm").AssertReply(DoesNotContain("yes or no"))
            .StartTestAsync();
    }
}
