using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Cli;
using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Terminal;

public sealed class MetricsStallRuleTests : BotTest
{
    // Twenty won deals (enough to learn from) for each rep, each with the given days in Proposal.
    private async Task SeedAsync(string email, int daysInProposal)
    {
        await using var db = Bot.Database();
        var rep = db.Reps.Add(new Rep { DisplayName = email, Email = email }).Entity;
        for (var i = 0; i < 20; i++)
        {
            var start = BotHarness.Start.AddDays(-300 + i);
            var deal = Deal.Open($"{email} {i}", null, rep, start);
            deal.MoveTo(DealStage.Proposal, start.AddDays(1));
            deal.MoveTo(DealStage.Won, start.AddDays(1 + daysInProposal));
            db.Deals.Add(deal);
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ARepWithoutATeamIsShownTheRuleTheirNudgesUse()
    {
        await SeedAsync("solo@example.com", 20);
        await SeedAsync("other@example.com", 40);
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachBot.Persistence.SalesCoachDbContext>();
        var nudgeRule = (await scope.ServiceProvider.GetRequiredService<StallThresholds>()
            .ForRepAsync(await db.Reps.SingleAsync(r => r.Email == "solo@example.com"), CancellationToken.None))[DealStage.Proposal];

        var output = new StringWriter();
        var exitCode = await MetricsCommand.RunAsync(["--rep", "solo@example.com"], output,
            b => b.Configuration["ConnectionStrings:SalesCoach"] = db.Database.GetConnectionString());

        Assert.Equal(0, exitCode);
        Assert.Equal((40, 40), (nudgeRule.Days, nudgeRule.WonDealsMeasured)); // the organisation's, both reps' deals
        Assert.Contains($"Proposal {nudgeRule.Days} d (learned, {nudgeRule.WonDealsMeasured} deals)", output.ToString());
    }
}
