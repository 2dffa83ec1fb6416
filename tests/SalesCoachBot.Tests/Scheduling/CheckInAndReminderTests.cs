using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>Weekly check-ins and follow-up reminders. Start: Monday 2 March 2026, 09:00 UTC.</summary>
public sealed class CheckInAndReminderTests : BotTest
{
    private static readonly Phrasing Lines = TestContent.Shipped.Phrasing;

    private Task<int> CheckIn() => Bot.RunAsync(r => r.CheckInsAsync(CancellationToken.None));

    private Task<int> Remind() => Bot.RunAsync(r => r.RemindersAsync(null, CancellationToken.None));

    [Fact]
    public async Task TheMondayCheckInCelebratesLastWeeksWinsByNameWithProgressOnGoals()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("new deal Globex $10,000").AssertReply(Contains("New deal"))
            .Send("goal: close 3 deals this month").AssertReply(Contains("close 3 deals this month"))
            .Send("called acme today").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(Contains("OK."))
            .Send("move globex to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(Contains("OK."))
            .StartTestAsync();
        Assert.Equal(1, await CheckIn()); // Monday 09:00: this week's check-in is due now
        Bot.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await CheckIn());
        var reply = Bot.Outbox()[^1].Reply;
        Assert.Equal("Your week", reply.Title);
        Assert.Contains(Lines.CheckIns["goodWeek"], line => reply.Text == line.Replace("{wins}", "Acme Corp and Globex"));
        Assert.Contains(reply.Facts, f => f.Value == "1 logged touch point, 2 won, 0 lost");
        Assert.Contains(reply.Facts, f => f.Label == "close 3 deals this month");
        Assert.Contains(reply.Notes, n => Lines.CheckIns["motivation"].Contains(n));
    }

    [Fact]
    public async Task ARoughWeekGetsEncouragementAndAStepAndNoGoalGetsSuggestions()
    {
        await Bot.Flow().Send("hi").AssertReply(Contains("SalesCoachBot")).StartTestAsync();

        Assert.Equal(1, await CheckIn());

        var reply = Bot.Outbox().Single().Reply;
        Assert.Contains(reply.Text, Lines.CheckIns["roughWeek"]);
        Assert.Contains(reply.Notes, n => Lines.NoGoal.Contains(n));
        Assert.Equal(Lines.GoalSuggestions, reply.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task ACheckInMissedWhileTheBotWasDownGoesOutOnceLaterThatWeekNotOncePerWeek()
    {
        await Bot.Flow().Send("hi").AssertReply(Contains("SalesCoachBot")).StartTestAsync();
        Bot.Clock.Advance(TimeSpan.FromDays(23)); // Wednesday three weeks on: three Mondays were missed

        Assert.Equal(1, await CheckIn());
        Assert.Equal(0, await CheckIn());
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await CheckIn());
        Bot.Clock.Advance(TimeSpan.FromDays(4)); // the next Monday, 09:00
        Assert.Equal(1, await CheckIn());
    }

    [Fact]
    public async Task TheCheckInWaitsForMondayNineInTheRepsOwnTimeZone()
    {
        await Bot.Flow().Send("set my timezone to America/New_York").AssertReply(Contains("America/New_York")).StartTestAsync();

        Assert.Equal(0, await CheckIn()); // 04:00 in New York
        Bot.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, await CheckIn());
    }

    [Fact]
    public async Task ANextStepWithADateRemindsTheRepThatMorningWithTheDealAndTheNote()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, demo next Tuesday 3pm").AssertReply(Contains("reminder Tue 10 Mar"))
            .Send("confirm").AssertReply(Contains("I'll remind you Tue 10 Mar"))
            .StartTestAsync();

        Bot.Clock.Advance(new DateTimeOffset(2026, 3, 10, 8, 59, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        Assert.Equal(0, await Remind());
        Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Remind());
        Assert.Equal(0, await Remind());

        var reply = Bot.Outbox().Single().Reply;
        Assert.Equal(("Follow-up reminder", "Today's next step on Acme Corp: Demo next Tuesday 3pm"), (reply.Title, reply.Text));
        Assert.Contains(reply.Facts, f => f.Value == "today, 15:00");
        await using var db = Bot.Database();
        Assert.NotNull((await db.FollowUps.SingleAsync()).RemindedAt);
    }
}
