using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A rep who presses Undo twice at once gets two truthful answers, and one change is undone once.</summary>
public sealed class ConcurrentUndoTests : BotTest
{
    private static readonly string[] Truthful =
    [
        "Undone: the call on Acme Corp is removed, with its reminder.",
        "That interaction is already gone.",
        "Undone: Acme Corp is deleted.",
        NotDeleted,
    ];

    // The undo after the first is of the deal's creation, which is refused once the deal has history.
    private const string NotDeleted = "That deal has had activity since, so I left it. Mark it lost instead if it's dead.";

    [Fact]
    public async Task TwoUndosOfALoggedCallAtOnceBothAnswerTruthfully()
    {
        var user = BotHarness.User("rep1");
        await Bot.Flow(user)
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme yesterday, they want pricing by Friday").AssertReply(Contains("Log this call?"))
            .Send("Confirm").AssertReply(Contains("Logged: call on Acme Corp"))
            .StartTestAsync();
        var turns = Bot.Host.Services.GetRequiredService<ChatTurns>();

        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => turns.RespondAsync(user.Identity, "undo", user.Place, CancellationToken.None))));

        Assert.All(replies, reply => Assert.True(Truthful.Contains(reply.Text), reply.Text));
        Assert.Contains(replies, reply => reply.Text == Truthful[0]);
        await using var db = Bot.Database();
        Assert.Empty(await db.Interactions.ToListAsync());
    }

    [Fact]
    public async Task TwoUndosOfAStageMoveAtOnceBothAnswerTruthfully()
    {
        var user = BotHarness.User("rep2");
        await Bot.Flow(user)
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to initial contact").AssertReply(Contains("Initial contact"))
            .StartTestAsync();
        var turns = Bot.Host.Services.GetRequiredService<ChatTurns>();

        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => turns.RespondAsync(user.Identity, "undo", user.Place, CancellationToken.None))));

        string[] truthful = ["Undone: Acme Corp is back in Prospecting.", "That deal has changed since, so I left it as it is.", "Undone: Acme Corp is deleted.", NotDeleted, "There is nothing to undo."];
        Assert.All(replies, reply => Assert.True(truthful.Contains(reply.Text), reply.Text));
        Assert.Contains(replies, reply => reply.Text == truthful[0]);
    }
}
