using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Deals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Nudges;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class LearnedThresholdTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private BotHarness bot = null!;

    public Task InitializeAsync() => StartAsync(minimumDeals: 20);

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        database.Dispose();
    }

    private async Task StartAsync(int minimumDeals)
    {
        if (bot is not null)
            await bot.DisposeAsync();
        bot = await BotHarness.StartAsync(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["StallLearning:MinimumDeals"] = minimumDeals.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StallLearning:FloorDays"] = "2",
            ["StallLearning:CeilingDays"] = "60",
        });
    }

    // Won deals that each spent the given number of days in Proposal (and one day in every stage before it).
    private async Task SeedWonDealsAsync(IEnumerable<double> daysInProposal)
    {
        await using var db = bot.Database();
        var rep = db.Reps.Add(new Rep { DisplayName = "Veteran", Email = "veteran@example.com" }).Entity;
        await db.SaveChangesAsync();
        var i = 0;
        foreach (var days in daysInProposal)
        {
            var start = BotHarness.Start.AddDays(-400 + i++);
            var deal = Deal.Open($"Won {i}", null, rep, start);
            deal.MoveTo(DealStage.Proposal, start.AddDays(1));
            deal.MoveTo(DealStage.Won, start.AddDays(1 + days));
            db.Deals.Add(deal);
        }
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyDictionary<DealStage, StallThreshold>> ThresholdsAsync()
    {
        await using var scope = bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StallThresholds>().ForTeamAsync(null, CancellationToken.None);
    }

    [Fact]
    public void ThePercentileInterpolatesBetweenRanks()
    {
        Assert.Equal(15.25, Statistics.Percentile([.. Enumerable.Range(1, 20).Select(d => (double)d)], 75));
        Assert.Equal(7, Statistics.Percentile([7], 75));
        Assert.Null(Statistics.Percentile([], 75));
    }

    [Fact]
    public async Task WithEnoughWonDealsAStagesThresholdIsTheirSeventyFifthPercentile()
    {
        await SeedWonDealsAsync(Enumerable.Range(1, 20).Select(d => (double)d));

        var thresholds = await ThresholdsAsync();

        Assert.Equal(new StallThreshold(DealStage.Proposal, 16, true, 20), thresholds[DealStage.Proposal]); // 15.25 days, rounded up
        Assert.Equal(new StallThreshold(DealStage.Discovery, 10, false, 0), thresholds[DealStage.Discovery]); // no history: the default
        Assert.Equal(new StallThreshold(DealStage.Prospecting, 2, true, 20), thresholds[DealStage.Prospecting]); // 1 day each, raised to the floor
    }

    [Fact]
    public async Task TooFewDealsKeepTheDefault()
    {
        await StartAsync(minimumDeals: 21);
        await SeedWonDealsAsync(Enumerable.Range(1, 20).Select(d => (double)d));

        Assert.Equal(new StallThreshold(DealStage.Proposal, 10, false, 20), (await ThresholdsAsync())[DealStage.Proposal]);
    }

    [Theory]
    [InlineData(100.0, 60)]
    [InlineData(0.5, 2)]
    public async Task ALearnedThresholdStaysWithinTheFloorAndCeiling(double days, int expected)
    {
        await SeedWonDealsAsync(Enumerable.Repeat(days, 20));

        Assert.Equal(expected, (await ThresholdsAsync())[DealStage.Proposal].Days);
    }

    [Fact]
    public async Task TheNudgeSaysWhichRuleApplied()
    {
        await SeedWonDealsAsync(Enumerable.Range(1, 20).Select(d => (double)d));
        await bot.Flow().Send("new deal Acme Corp in proposal").AssertReply(Contains("Stage: Proposal")).StartTestAsync();

        bot.Clock.Advance(TimeSpan.FromDays(12)); // stalled by the default (10), not by the team's 16
        Assert.Equal(0, await bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));
        bot.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));

        var reply = bot.Outbox().Single().Reply;
        Assert.Equal("Acme Corp has been idle in Proposal for 17 days; your team's won deals leave Proposal within 16 days. No next step is scheduled.", reply.Text);
        Assert.Contains(reply.Facts, f => f.Value == "16 days (learned from 20 won deals)");
    }
}
