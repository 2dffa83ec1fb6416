using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Escalations;

/// <summary>
/// Long-stalled deals raised to the rep's manager, once. Start: Monday 2 March 2026, 09:00 UTC; Prospecting stalls after
/// 14 idle days, so with Scheduler:EscalateAfter at its default of 2 a deal is escalated after 28.
/// </summary>
public class EscalationTests : BotTest
{
    internal static readonly ChatUser Carol = BotHarness.User("carol") with { Email = "carol@example.com" };
    internal static readonly ChatUser Bob = BotHarness.User("bob") with { Email = "bob@example.com" };

    private Task<int> RunAsync() => Bot.RunAsync(async _ =>
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamRuns>().RunAsync(CancellationToken.None);
    });

    private List<(OutboxMessage Message, SalesCoachBot.Replies.Reply Reply)> Escalations() => [.. Bot.Outbox().Where(o => o.Message.Kind == MessageKind.Escalation)];

    private async Task TeamWithADealAsync()
    {
        await Bot.Flow(Carol).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow(Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("called acme, they need a week to think").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .StartTestAsync();
        await MakeTeamAsync(Bot);
    }

    /// <summary>Carol manages Bob.</summary>
    internal static async Task MakeTeamAsync(BotHarness bot)
    {
        await using var db = bot.Database();
        var carol = await db.Reps.SingleAsync(r => r.Email == "carol@example.com");
        carol.IsManager = true;
        (await db.Reps.SingleAsync(r => r.Email == "bob@example.com")).ManagerId = carol.Id;
        await db.SaveChangesAsync();
    }

    [StoreFact]
    public async Task ADealIdleTwiceItsThresholdGoesToTheManagerOnceAndTheRepIsTold()
    {
        await TeamWithADealAsync();
        await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)); // nothing yet
        Bot.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None))); // the nudge, day 15
        await using (var db = Bot.Database()) // delivered (the test channel has no sender)
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, Bot.Clock.GetUtcNow()));

        Bot.Clock.Advance(TimeSpan.FromDays(12)); // day 27: stalled, not yet twice its threshold
        Assert.Equal(0, await RunAsync());
        Bot.Clock.Advance(TimeSpan.FromDays(2)); // day 29, a Tuesday in working hours
        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var toManager = Escalations().Single(e => e.Message.Key.StartsWith("escalation:"));
        Assert.Equal(("Escalation: Acme Corp", "carol"), (toManager.Reply.Title, toManager.Message.Address.Contains("carol") ? "carol" : toManager.Message.Address));
        var facts = toManager.Reply.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("bob (bob@example.com)", facts["Rep"]);
        Assert.Equal("$45,000", facts["Amount"]);
        Assert.Equal("29 days", facts["Idle"]);
        Assert.StartsWith("call on Mon 2 Mar:", facts["Last activity"]);
        Assert.Equal("1: Tue 17 Mar", facts["Nudges sent"]);
        var notice = Escalations().Single(e => e.Message.Key.StartsWith("escalation-notice:"));
        Assert.Contains("so I told carol", notice.Reply.Text);
    }

    [StoreFact]
    public async Task SnoozedDealsAndPausedRepsAreNotEscalated()
    {
        await TeamWithADealAsync();
        await Bot.Flow(Bob).Send("new deal Globex $10,000").AssertReply(Contains("New deal")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(25));
        await Bot.Flow(Bob).Send("snooze acme for 2 weeks").AssertReply(Contains("Acme Corp")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(4)); // day 29

        Assert.Equal(2, await RunAsync()); // Globex only
        Assert.All(Escalations(), e => Assert.Contains("Globex", e.Reply.Title));

        await Bot.Flow(Bob).Send("pause nudges for 2 weeks").AssertReply(Contains("ause")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(12)); // Acme's snooze is over, but Bob paused
        Assert.Equal(0, await RunAsync());
    }

    [StoreFact]
    public async Task JobsPreviewListsTheEscalation()
    {
        await TeamWithADealAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(29));

        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var preview = await scope.ServiceProvider.GetRequiredService<TeamRuns>().PreviewAsync(CancellationToken.None);

        Assert.Equal(["escalation", "escalation"], preview.Select(p => p.Kind.Name()));
        await using var db = Bot.Database();
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.Kind == MessageKind.Escalation));
    }
}
