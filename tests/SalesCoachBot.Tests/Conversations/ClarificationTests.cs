using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>An unclear message gets the likeliest readings as buttons; the rep's pick is done and learned.</summary>
public sealed class ClarificationTests : BotTest
{
    [Fact]
    public async Task APickedReadingIsDoneAndTheSamePhrasingIsThenUnderstoodWithoutAsking()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("the acme thing").AssertReply(Contains("Did you mean", "Show Acme Corp", "Something else"))
            .Send("Show Acme Corp").AssertReply(Contains("Acme Corp", "Stage: Prospecting", "Amount: $45,000"))
            .Send("the acme thing").AssertReply(activity =>
            {
                Assert.DoesNotContain("Did you mean", SalesCoachBot.Replies.ReplyText.Render(activity));
                Contains("Stage: Prospecting")(activity);
            })
            .StartTestAsync();

        await using var db = Bot.Database();
        var learned = await db.LearnedExamples.SingleAsync();
        Assert.Equal(("show-deal", "the acme thing"), (learned.Label, learned.Text));
    }

    [Fact]
    public async Task SomethingElseAsksForOtherWordsAndLearnsNothing()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("the acme thing").AssertReply(Contains("Did you mean"))
            .Send("Something else").AssertReply(Contains("Say it in other words"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.LearnedExamples);
    }

    [Fact]
    public async Task WhatNothingFitsIsQuotedBackWithTheClosestThingsToDo()
    {
        await Bot.Flow()
            .Send("what's the weather like in lisbon").AssertReply(Contains("I'm not sure what you meant by “what's the weather like in lisbon”", "Help"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("we lost acme to a competitor", "Acme Corp is marked lost (Lost to a competitor)")]
    [InlineData("signed acme this morning 🎉", "Congratulations, Acme Corp is won")]
    [InlineData("acme's in legal review now", "Acme Corp → Negotiation")]
    [InlineData("called acme, they asked for a discount, sending options thursday", "Log this call?")]
    public async Task AStageChangeToldAsNewsIsAMoveAndALogThatMentionsAnObjectionIsALog(string text, string expected)
    {
        await Bot.Flow()
            .Send("new deal Acme Corp in proposal").AssertReply(Contains("New deal", "Stage: Proposal"))
            .Send(text).AssertReply(Contains(expected))
            .StartTestAsync();
    }
}
