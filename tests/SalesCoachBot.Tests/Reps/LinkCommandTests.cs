using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Deals;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Reps;

public sealed class LinkCommandTests : BotTest
{
    [Fact]
    public async Task ARepImportedByNameGetsTheirDealsWhenTheyMessageFromTheLinkedAddress()
    {
        await using (var db = Bot.Database())
        {
            var darcel = db.Reps.Add(new Rep { DisplayName = "Darcel Schlecht" }).Entity;
            db.Deals.Add(Deal.Open("Isdom", new Money(4_514, "USD"), darcel, BotHarness.Start));
            await db.SaveChangesAsync();
        }

        Assert.Equal((0, "Linked Darcel Schlecht to darcel@example.com."), await RunAsync("link", "darcel", "schlecht", "to", "Darcel@Example.com"));
        Assert.Equal((0, "Darcel Schlecht is already linked to darcel@example.com."), await RunAsync("link", "Darcel", "Schlecht", "to", "darcel@example.com"));
        Assert.Equal((1, "No rep without an e-mail address is called Nobody."), await RunAsync("link", "Nobody", "to", "nobody@example.com"));

        await Bot.Flow(BotHarness.User("darcel-teams-id") with { Email = "darcel@example.com" }).Send("my deals").AssertReply(Contains("Your open deals (1)", "Isdom")).StartTestAsync();

        await using var check = Bot.Database();
        Assert.Equal(1, await check.Reps.CountAsync());
    }

    private async Task<(int, string)> RunAsync(params string[] args)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await LinkCommand.RunAsync(args[1..], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString().Trim());
    }
}
