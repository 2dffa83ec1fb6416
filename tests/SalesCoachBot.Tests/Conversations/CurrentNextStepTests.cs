using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Import;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>One next step per deal, the same in the deal's view, the overdue list, reminders and export. The clock starts Monday 2 March 2026.</summary>
public class CurrentNextStepTests : BotTest
{
    private void At(DateTimeOffset moment) => Bot.Clock.Advance(moment - Bot.Clock.GetUtcNow());

    private Task<int> Remind() => Bot.RunAsync(r => r.RemindersAsync(null, CancellationToken.None));

    private async Task<string> ExportAsync()
    {
        await using var db = Bot.Database();
        var csv = new StringWriter();
        await DealExporter.WriteAsync(db, ExportFormat.Csv, csv, CancellationToken.None);
        return csv.ToString();
    }

    private ChatFlow LogWorkshopThenCaseStudy(string second) => Bot.Flow()
        .Send("new deal Harbor Freightways").AssertReply(Contains("New deal"))
        .Send("rang harbor today, they want an onsite workshop on March 19").AssertReply(Contains("(reminder Thu 19 Mar)"))
        .Send("confirm").AssertReply(Contains("I'll remind you Thu 19 Mar"))
        .Send(second).AssertReply(Contains("(reminder Thu 5 Mar)"))
        .Send("confirm").AssertReply(Contains("I'll remind you Thu 5 Mar"));

    [StoreFact]
    public async Task ANewerStepReplacesTheOlderOneInTheViewTheOverdueListRemindersAndExport()
    {
        await LogWorkshopThenCaseStudy("spoke with harbor again; next step: send the case study by thursday")
            .Send("show harbor").AssertReply(Contains("Next step: Send the case study by thursday (Thu 5 Mar)"))
            .StartTestAsync();
        Assert.Contains("Send the case study by thursday,2026-03-05", await ExportAsync());

        At(new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await Remind());
        At(new DateTimeOffset(2026, 3, 19, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, await Remind());
        await Bot.Flow()
            .Send("what's overdue?").AssertReply(overdue =>
            {
                Contains("Overdue (1)", "Send the case study by thursday")(overdue);
                DoesNotContain("workshop")(overdue);
            })
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AStepTheRepAddsKeepsTheOtherAndTheSoonestIsTheNextStep()
    {
        await LogWorkshopThenCaseStudy("emailed harbor, we also owe them the case study by thursday")
            .Send("show harbor").AssertReply(Contains("Next step: We also owe them the case study by thursday (Thu 5 Mar)"))
            .StartTestAsync();
        Assert.Contains("We also owe them the case study by thursday,2026-03-05", await ExportAsync());
        await using var db = Bot.Database();
        Assert.Equal(2, await db.FollowUps.CountAsync());
    }

    [StoreFact]
    public async Task UndoingTheNewerLogBringsTheStepItReplacedBack()
    {
        await LogWorkshopThenCaseStudy("spoke with harbor again; next step: send the case study by thursday")
            .Send("undo").AssertReply(Contains("Undone: the call on Harbor Freightways is removed"))
            .Send("show harbor").AssertReply(Contains("Next step: They want an onsite workshop on March 19 (Thu 19 Mar)"))
            .StartTestAsync();

        At(new DateTimeOffset(2026, 3, 19, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await Remind());
    }
}
