using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Interactions;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>Follow-up reminders: once, on their day, only while they matter. Start: Monday 2 March 2026, 09:00 UTC.</summary>
public class ReminderTests : BotTest
{
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private Task<int> Remind() => Bot.RunAsync(r => r.RemindersAsync(null, CancellationToken.None));

    private void At(DateTimeOffset moment) => Bot.Clock.Advance(moment - Bot.Clock.GetUtcNow());

    private List<string> Reminders() => [.. Bot.Outbox().Where(m => m.Message.Kind == SalesCoachBot.Outbox.MessageKind.Reminder).Select(m => m.Reply.Text)];

    private Task LogDemoNextTuesdayAsync(int times = 1)
    {
        var flow = Bot.Flow().Send("new deal Acme Corp").AssertReply(Contains("New deal"));
        for (var i = 0; i < times; i++)
            flow = flow.Send("called acme today, demo next Tuesday").AssertReply(Contains("reminder Tue 10 Mar"))
                .Send("confirm").AssertReply(Contains("I'll remind you Tue 10 Mar"));
        return flow.StartTestAsync();
    }

    [StoreFact]
    public async Task AReminderGoesOutOnceOnItsDayAndNotOnTheDaysAfter()
    {
        await LogDemoNextTuesdayAsync();

        At(TuesdayMorning);
        Assert.Equal(1, await Remind());
        for (var day = 1; day <= 3; day++)
        {
            Bot.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(0, await Remind());
        }
        Assert.Equal(["Today's next step on Acme Corp: Demo next Tuesday"], Reminders());
    }

    [StoreFact]
    public async Task AReminderMissedOnItsDaySaysWhenItWasDueNotToday()
    {
        await LogDemoNextTuesdayAsync();

        At(TuesdayMorning.AddDays(2)); // the bot was down on Tuesday
        Assert.Equal(1, await Remind());
        Assert.Equal(0, await Remind());
        Assert.Equal(["Next step on Acme Corp, due Tue 10 Mar: Demo next Tuesday"], Reminders());
    }

    [StoreFact]
    public async Task ANextStepMoreThanAWeekPastDueIsNotReminded()
    {
        await LogDemoNextTuesdayAsync();

        At(TuesdayMorning.AddDays(8));
        Assert.Equal(0, await Remind());
        Assert.Empty(Reminders());
    }

    [StoreFact]
    public async Task RemindersStopWhenTheDealIsWonOrLost()
    {
        await LogDemoNextTuesdayAsync();
        await Bot.Flow()
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(Contains("OK."))
            .StartTestAsync();

        At(TuesdayMorning);
        Assert.Equal(0, await Remind());
        Assert.Empty(Reminders());
    }

    [StoreFact]
    public async Task ADeletedDealIsNotRemindedUntilUndoBringsItBack()
    {
        await LogDemoNextTuesdayAsync();
        await Bot.Flow()
            .Send("delete acme").AssertReply(Contains("Delete Acme Corp"))
            .Send("yes").AssertReply(Contains("Deleted Acme Corp"))
            .StartTestAsync();

        At(TuesdayMorning);
        Assert.Equal(0, await Remind());
        await Bot.Flow().Send("undo").AssertReply(Contains("Acme Corp is back")).StartTestAsync();
        Assert.Equal(1, await Remind());
        Assert.Equal(["Today's next step on Acme Corp: Demo next Tuesday"], Reminders());
    }

    [StoreFact]
    public async Task TheSameCallLoggedTwiceMakesOneReminder()
    {
        await LogDemoNextTuesdayAsync(times: 2);

        At(TuesdayMorning);
        Assert.Equal(1, await Remind());
        Assert.Single(Reminders());
        await using var db = Bot.Database();
        Assert.Equal((2, 1), (await db.Interactions.CountAsync(), await db.FollowUps.CountAsync()));
    }

    [StoreFact]
    public async Task DuplicateFollowUpsSavedBeforeMakeOneReminder()
    {
        await LogDemoNextTuesdayAsync();
        await using (var db = Bot.Database())
        {
            var first = await db.FollowUps.SingleAsync();
            db.FollowUps.Add(new FollowUp { DealId = first.DealId, RepId = first.RepId, Note = "demo next tuesday", DueOn = first.DueOn, CreatedAt = first.CreatedAt });
            await db.SaveChangesAsync();
        }

        At(TuesdayMorning);
        Assert.Equal(1, await Remind());
        Assert.Equal(0, await Remind());
        Assert.Single(Reminders());
    }
}
