using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Escalations;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Wins;

/// <summary>A team's wins posted once in the channel its manager chose; nothing posted until they choose one.</summary>
public class WinWireTests : BotTest
{
    private static readonly ChatUser CarolInSales = EscalationTests.Carol with { ConversationId = "sales", IsPersonal = false };

    private async Task<int> RunAsync()
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamRuns>().RunAsync(CancellationToken.None);
    }

    private List<(OutboxMessage Message, SalesCoachBot.Replies.Reply Reply)> Posts() => [.. Bot.Outbox().Where(o => o.Message.Kind == MessageKind.WinWire)];

    private async Task TeamAsync()
    {
        await Bot.Flow(EscalationTests.Carol).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("new deal Globex $12,000").AssertReply(Contains("New deal"))
            .StartTestAsync();
        await EscalationTests.MakeTeamAsync(Bot);
    }

    private Task WinAsync(string deal, string why) => Bot.Flow(EscalationTests.Bob)
        .Send($"move {deal} to won").AssertReply(Contains("What made the difference?"))
        .Send(why).AssertReply(_ => { })
        .StartTestAsync();

    [StoreFact]
    public async Task EachWinIsPostedOnceInTheChannelTheManagerChose()
    {
        await TeamAsync();
        await WinAsync("globex", "skip"); // before the win wire: not posted
        Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await Bot.Flow(EscalationTests.Bob with { ConversationId = "sales", IsPersonal = false })
            .Send("post wins here").AssertReply(Contains("Only a manager")).StartTestAsync();
        await Bot.Flow(CarolInSales).Send("post wins here").AssertReply(Contains("I'll post your team's won deals here")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(9) - TimeSpan.FromMinutes(1));
        await WinAsync("acme", "the ROI calculator sealed it");

        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var (message, post) = Posts().Single();
        Assert.Contains("\"sales\"", message.Address);
        Assert.Equal("bob won Acme Corp, $45,000! 🎉", post.Text);
        Assert.Equal([("Rep", "bob"), ("Amount", "$45,000"), ("Days to close", "9"), ("What made the difference", "the ROI calculator sealed it")],
            post.Facts.Select(f => (f.Label, f.Value)));
    }

    [StoreFact]
    public async Task NothingIsPostedAfterTheManagerStopsIt()
    {
        await TeamAsync();
        await Bot.Flow(CarolInSales).Send("post wins here").AssertReply(Contains("I'll post")).StartTestAsync();
        await Bot.Flow(EscalationTests.Carol).Send("stop posting wins").AssertReply(Contains("I'll stop posting your team's wins.")).StartTestAsync();
        await WinAsync("acme", "skip");

        Assert.Equal(0, await RunAsync());
        Assert.Empty(Posts());
    }
}
