using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>
/// Stalled-deal nudges on a fake clock. Start: Monday 2 March 2026, 09:00 UTC. Prospecting stalls after
/// 14 idle days, Discovery after 10 (dialogs/stages.yaml); working hours 09:00–18:00, no weekends, 3 a day.
/// </summary>
public class NudgeTests : BotTest
{
    private Task<int> Nudge() => Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None));

    private List<string> Nudges() => [.. Bot.Outbox().Where(o => o.Message.Kind is SalesCoachBot.Outbox.MessageKind.Nudge or SalesCoachBot.Outbox.MessageKind.NudgeSummary).Select(o => o.Reply.Title ?? "")];

    [StoreFact]
    public async Task ADealIsNudgedOnlyOnceIdleLongerThanItsStageAllows()
    {
        await Bot.Flow().Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal")).StartTestAsync();

        Bot.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, await Nudge());
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Nudge());

        var (message, reply) = Bot.Outbox().Single();
        Assert.Equal(("nudge", "Acme Corp has gone quiet"), (message.Kind.Name(), reply.Title));
        Assert.Equal("Acme Corp has been idle in Prospecting for 15 days; deals there count as stalled after 14 days. No next step is scheduled.", reply.Text);
        Assert.Contains(reply.Facts, f => f.Value == "14 days (default from dialogs/stages.yaml)");
        Assert.Equal(["Log activity", "Snooze 3 days", "Snooze 1 week", "Mark lost", "Tip for this stage"], reply.Buttons.Select(b => b.Title));
    }

    [StoreFact]
    public async Task EveryViewNudgeAndMetricAgreesOnWhatIsStalled()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("called globex today, demo on April 30").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(22)); // Tuesday 24 March: both idle past Prospecting's 14 days; only Globex has a step ahead

        await Bot.Flow()
            .Send("my deals").AssertReply(reply =>
            {
                Assert.EndsWith("stalled", reply.Facts.Single(f => f.Label == "Acme Corp").Value);
                Assert.DoesNotContain("stalled", reply.Facts.Single(f => f.Label == "Globex").Value);
            })
            .Send("my pipeline").AssertReply(reply =>
            {
                Assert.Contains("Acme Corp (stalled)", SalesCoachBot.Replies.ReplyText.Render(reply));
                Assert.DoesNotContain("Globex (stalled)", SalesCoachBot.Replies.ReplyText.Render(reply));
            })
            .Send("stalled deals").AssertReply(reply => Assert.Equal(["Acme Corp"], reply.Facts.Select(f => f.Label)))
            .Send("show globex").AssertReply(Contains("22 days: fine"))
            .StartTestAsync();
        Assert.Equal(1, await Nudge());
        Assert.Equal(["Acme Corp has gone quiet"], Nudges());
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var metrics = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Metrics.MetricsService>()
            .ComputeAsync("now", null, BotHarness.Start, Bot.Clock.GetUtcNow(), TimeZoneInfo.Utc, CancellationToken.None);
        Assert.Equal(1, metrics.StalledDeals);
        var rep = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Persistence.SalesCoachDbContext>().Reps.SingleAsync();
        var digest = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Digests.DigestPlanner>().PlanAsync(
            new SalesCoachBot.Digests.DigestSubscription { ManagerId = rep.Id, Channel = "test", Address = "{}", ConversationId = "sales", TimeZone = "UTC" }, CancellationToken.None);
        var line = Assert.Single(digest!.Reply.Facts).Value;
        Assert.Contains("Acme Corp", line);
        Assert.DoesNotContain("Globex", line);
    }

    [StoreFact]
    public async Task AScheduledNextStepKeepsADealFromCountingAsStalled()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, demo on March 30").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("I'll remind you"))
            .StartTestAsync();

        Bot.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, await Nudge());
    }

    [StoreFact]
    public async Task ANudgedDealRestsForAnotherThresholdPeriodUnlessASnoozeEndsSooner()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(2, await Nudge());

        await Bot.Flow().Send("snooze acme 3 days").AssertReply(Contains("Snoozed Acme Corp until Fri 20 Mar")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Nudge());
        Bot.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Nudge()); // Acme: its snooze ended; Globex rests until its 14 days are up
        Assert.Equal("Acme Corp has gone quiet", Nudges()[^1]);
        Bot.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, await Nudge());
        Assert.Equal("Globex has gone quiet", Nudges()[^1]);
    }

    [StoreFact]
    public async Task AtMostThreeNudgesADayTheRestInOneSummary()
    {
        var flow = Bot.Flow();
        foreach (var name in new[] { "Acme", "Globex", "Initech", "Hooli", "Stark" })
            flow = flow.Send($"new deal {name}").AssertReply(Contains("New deal"));
        await flow.StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(3, await Nudge());
        Assert.Equal(0, await Nudge());

        var summary = Bot.Outbox().Single(o => o.Message.Kind == SalesCoachBot.Outbox.MessageKind.NudgeSummary).Reply;
        Assert.Equal("3 more deals have gone quiet. Pick one to move today:", summary.Text);
        Assert.Equal(3, summary.Facts.Count);
        Assert.Equal(2, Bot.Outbox().Count(o => o.Message.Kind == SalesCoachBot.Outbox.MessageKind.Nudge));
    }

    [StoreFact]
    public async Task ALongSummaryListsTheLongestIdleAndPointsToTheRest()
    {
        var flow = Bot.Flow();
        for (var i = 1; i <= 15; i++)
            flow = flow.Send($"new deal Account {i:00}").AssertReply(Contains("New deal"));
        await flow.StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        await Nudge();

        var summary = Bot.Outbox().Single(o => o.Message.Kind == SalesCoachBot.Outbox.MessageKind.NudgeSummary).Reply;
        Assert.Equal("13 more deals have gone quiet. Pick one to move today:", summary.Text);
        Assert.Equal(NudgePlanner.SummaryListsAtMost, summary.Facts.Count);
        Assert.Equal("…and 3 more: say \"stalled deals\" for the whole list.", Assert.Single(summary.Notes));
        Assert.Contains(summary.Buttons, b => b.Message == "stalled deals");
    }

    [StoreFact]
    public async Task NothingGoesOutOutsideTheRepsWorkingHoursOrOnWeekends()
    {
        await Bot.Flow()
            .Send("set my timezone to Asia/Jakarta").AssertReply(Contains("Asia/Jakarta"))
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .StartTestAsync();
        await Bot.Flow(BotHarness.User("nyc-rep", "nyc"))
            .Send("set my timezone to America/New_York").AssertReply(Contains("America/New_York"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .StartTestAsync();

        // Tuesday 17 March 02:00 UTC: 09:00 in Jakarta, 22:00 on Monday in New York.
        Bot.Clock.Advance(new DateTimeOffset(2026, 3, 17, 2, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        Assert.Equal(1, await Nudge());
        Assert.Equal("Acme Corp has gone quiet", Nudges().Single());

        // 14:00 UTC: 21:00 in Jakarta, 10:00 in New York.
        Bot.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(1, await Nudge());
        Assert.Equal("Globex has gone quiet", Nudges()[^1]);

        await Bot.Flow().Send("new deal Initech").AssertReply(Contains("New deal")).StartTestAsync();
        Bot.Clock.Advance(new DateTimeOffset(2026, 4, 4, 4, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow()); // Saturday, 11:00 in Jakarta
        Assert.Equal(0, await Nudge());
        Bot.Clock.Advance(TimeSpan.FromDays(2)); // Monday, 11:00 in Jakarta and midnight in New York
        Assert.Equal(2, await Nudge()); // Initech, and Acme again after another 14 days
        Assert.Equal(["Acme Corp has gone quiet", "Globex has gone quiet", "Acme Corp has gone quiet", "Initech has gone quiet"], Nudges());
    }

    [StoreFact]
    public async Task PausedNudgesStayQuietUntilResumedOrThePauseEnds()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("pause nudges for 2 weeks").AssertReply(Contains("Nudges paused until Mon 16 Mar"))
            .StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await Nudge()); // the two weeks are over

        await Bot.Flow().Send("pause nudges").AssertReply(Contains("until you say \"resume nudges\"")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, await Nudge());
        await Bot.Flow().Send("resume nudges").AssertReply(Contains("Nudges are back on")).StartTestAsync();
        Assert.Equal(1, await Nudge());
    }

    [StoreFact]
    public async Task StageTipsFromANudgeButtonExplainWhatTheStageNeeds()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp in discovery").AssertReply(Contains("New deal"))
            .Send("stage tips for Acme Corp").AssertReply(Contains("Acme Corp: Discovery", "Next best action", "Tip:"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task ARepWhoCannotBeReachedGetsNoNudges()
    {
        await Bot.Flow().Send("new deal Acme Corp").AssertReply(Contains("New deal")).StartTestAsync();
        await using (var db = Bot.Database())
            await db.RepAccounts.ExecuteUpdateAsync(a => a.SetProperty(x => x.UnreachableAt, Bot.Clock.GetUtcNow()));
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(0, await Nudge());
    }
}
