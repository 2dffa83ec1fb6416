using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class JobsPreviewTests : BotTest
{
    [Fact]
    public async Task PreviewPrintsWhatWouldGoOutAndToWhomWithoutSendingOrRecordingAnything()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("called acme today, demo on March 17").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .StartTestAsync();
        var connectionString = Bot.Database().Database.GetConnectionString()!;

        var output = new StringWriter();
        var exitCode = await JobsPreviewCommand.RunAsync(["--at", "2026-03-17T09:30:00Z"], output,
            b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.StartsWith("At 2026-03-17 09:30 UTC, 3 messages would go out:", text);
        Assert.Contains("— nudge to user1 (test)\nGlobex has gone quiet", text);
        Assert.Contains("— check-in to user1 (test)\nYour week", text);
        Assert.Contains("— reminder to user1 (test)\nFollow-up reminder\nToday's next step on Acme Corp: Demo on March 17", text);
        await using var db = Bot.Database();
        Assert.Empty(db.Outbox);
        Assert.All(db.Deals, d => Assert.Null(d.LastNudgedAt));
        Assert.All(db.FollowUps, f => Assert.Null(f.RemindedAt));
    }

    [Theory]
    [InlineData]
    [InlineData("--at", "next tuesday")]
    public async Task AMissingOrUnreadableMomentIsExplained(params string[] args) =>
        Assert.Equal(2, await JobsPreviewCommand.RunAsync(args, new StringWriter()));
}
