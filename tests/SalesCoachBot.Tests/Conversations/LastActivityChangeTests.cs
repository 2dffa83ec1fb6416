using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Interactions;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>Fixing the last log: new words change what it says, and every change can be undone. The clock starts Monday 2 March 2026.</summary>
public class LastActivityChangeTests : BotTest
{
    private ChatFlow LogMeeting() => Bot.Flow()
        .Send("new deal Harbor Freightways").AssertReply(Contains("New deal"))
        .Send("met harbor at their depot today, they want a quote by friday").AssertReply(Contains("Log this meeting?"))
        .Send("confirm").AssertReply(Contains("Logged: meeting"));

    private async Task<(InteractionKind Kind, string Summary)?> LoggedAsync()
    {
        await using var db = Bot.Database();
        return await db.Interactions.Select(i => new { i.Kind, i.Summary }).SingleOrDefaultAsync() is { } i ? (i.Kind, i.Summary) : null;
    }

    [StoreFact]
    public async Task NewWordsThatTellAnotherKindChangeTheKindAndUndoPutsItBack()
    {
        await LogMeeting()
            .Send("edit last log: sent harbor the signed quote by email").AssertReply(Contains("Changed the meeting on Harbor Freightways", "now email"))
            .StartTestAsync();
        Assert.Equal((InteractionKind.Email, "sent harbor the signed quote by email"), await LoggedAsync());

        await Bot.Flow().Send("undo").AssertReply(Contains("Undone: the meeting on Harbor Freightways")).StartTestAsync();
        Assert.Equal((InteractionKind.Meeting, "Met harbor at their depot today, they want a quote by friday"), await LoggedAsync());
    }

    [StoreFact]
    public async Task DeletingTheLastActivityCanBeUndoneWithItsReminder()
    {
        await LogMeeting()
            .Send("delete the last activity").AssertReply(Contains("Deleted the meeting on Harbor Freightways", "with its reminder", "undo"))
            .Send("undo").AssertReply(Contains("Undone: the meeting on Harbor Freightways is back, with its reminder."))
            .Send("show harbor").AssertReply(Contains("Meeting, today: Met harbor at their depot today", "Next step: They want a quote by friday (Fri 6 Mar)"))
            .Send("undo").AssertReply(Contains("Undone: the meeting on Harbor Freightways is removed, with its reminder."))
            .StartTestAsync();
        Assert.Null(await LoggedAsync());
    }
}
