using Microsoft.Extensions.Hosting;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Terminal;

/// <summary>Only Teams and Slack deliver reminders: a rep who has used only the terminal is told so, and a preview says what is held and why.</summary>
public sealed class TerminalRemindersTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private void UseDatabase(IHostApplicationBuilder builder) => builder.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString;

    [Fact]
    public async Task ATerminalOnlyRepIsToldWhereTheReminderWillComeAndThePreviewHoldsItWithTheReason()
    {
        var chat = new StringWriter();
        Assert.Equal(0, await ChatCommand.RunAsync(["--user", "alice@example.com"],
            new StringReader("new deal Harbor Freightways\nrang harbor, they want the pilot plan on 15 January 2027\nconfirm\n"), chat, inputRedirected: true, configure: UseDatabase));
        Assert.Contains("Next step: They want the pilot plan on 15 January 2027 (due Fri 15 Jan", chat.ToString());
        Assert.Contains("Next step Fri 15 Jan 2027: They want the pilot plan on 15 January 2027. I'll remind you in Teams or Slack once you've messaged me there.", chat.ToString());
        Assert.DoesNotContain("I'll remind you Fri", chat.ToString());

        var preview = new StringWriter();
        Assert.Equal(0, await JobsPreviewCommand.RunAsync(["--at", "2027-01-15T12:00:00Z"], preview, UseDatabase));
        var text = preview.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.StartsWith("At 2027-01-15 12:00 UTC, nothing would go out.\n", text);
        Assert.Contains("1 more due that no channel can deliver:", text);
        Assert.Contains("— reminder to alice@example.com, held: they have never messaged me in Teams or Slack, where these go out\nFollow-up reminder\n" +
            "Today's next step on Harbor Freightways: They want the pilot plan on 15 January 2027", text);
    }
}
