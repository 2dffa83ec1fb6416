using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Escalations;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Wins;

/// <summary>Check-ins 30 and 90 days after a win (dialogs/stages.yaml), each once, in the rep's working hours. Won: Monday 2 March 2026.</summary>
public class AfterSaleTests : BotTest
{
    private async Task<int> RunAsync()
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamRuns>().RunAsync(CancellationToken.None);
    }

    private List<string?> CheckIns() => [.. Bot.Outbox().Where(o => o.Message.Kind == MessageKind.AfterSale).Select(o => o.Reply.Title)];

    [StoreFact]
    public async Task AWonDealGetsItsCheckInsOnceEachInWorkingHours()
    {
        await Bot.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(_ => { })
            .StartTestAsync();

        Bot.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await RunAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(1)); // Wednesday 1 April, 09:00
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(60)); // Sunday 31 May: no weekends
        Assert.Equal(0, await RunAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunAsync());

        Assert.Equal(["A month since you won Acme Corp", "Three months with Acme Corp"], CheckIns());
        Assert.Contains("ask for a referral or a short review", Bot.Outbox().First(o => o.Message.Kind == MessageKind.AfterSale).Reply.Text);
    }

    [StoreFact]
    public async Task ACheckInCountsTowardsTheDaysNudgeLimit()
    {
        await Bot.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(_ => { })
            .Send("new deal Beta Labs $1,000").AssertReply(Contains("New deal"))
            .Send("new deal Gamma Foods $2,000").AssertReply(Contains("New deal"))
            .Send("new deal Delta Air $3,000").AssertReply(Contains("New deal"))
            .StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(30)); // the check-in is due and the three new deals are stalled
        Assert.Equal(1, await RunAsync());

        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var nudges = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Nudges.NudgePlanner>().PlanAsync(CancellationToken.None);

        // Three a day at most (Scheduler:MaxNudgesPerDay): the check-in, one nudge, and a summary of the other two.
        Assert.Equal([MessageKind.Nudge, MessageKind.NudgeSummary], nudges.Select(n => n.Kind));
    }

    [StoreFact]
    public async Task APausedRepGetsNoneAndAMissedCheckInIsLetGoAfterAWeek()
    {
        await Bot.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(_ => { })
            .Send("pause nudges for 2 weeks").AssertReply(_ => { })
            .StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(28));
        await Bot.Flow(EscalationTests.Bob).Send("pause nudges for 2 weeks").AssertReply(_ => { }).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(2)); // day 30, paused
        Assert.Equal(0, await RunAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(13)); // day 43: unpaused, but the check-in is 13 days late
        Assert.Equal(0, await RunAsync());
        Assert.Empty(CheckIns());
    }
}
