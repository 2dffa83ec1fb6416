using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Deals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Metrics;

/// <summary>Each metric against values worked out by hand on a small data set: March 2026, measured on 1 April.</summary>
public sealed class MetricsServiceTests : BotTest
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = March.AddMonths(1);

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    private async Task<Rep> SeedAsync()
    {
        await using var db = Bot.Database();
        var rep = db.Reps.Add(new Rep { DisplayName = "Alice", Email = "alice@example.com" }).Entity;
        await db.SaveChangesAsync();
        void Add(string name, decimal? amount, string? currency, DateTimeOffset created, params (DealStage Stage, DateTimeOffset At)[] moves)
        {
            var deal = Deal.Open(name, amount is { } a ? new Money(a, currency!) : null, rep, created);
            foreach (var (stage, at) in moves)
                deal.MoveTo(stage, at);
            db.Deals.Add(deal);
        }
        Add("D1", 10_000, "USD", Day(2, 1), (DealStage.Discovery, Day(2, 11)), (DealStage.Proposal, Day(2, 21)), (DealStage.Won, Day(3, 3)));
        Add("D2", 20_000, "USD", Day(2, 20), (DealStage.Won, Day(3, 22)));
        Add("D3", 5_000, "EUR", Day(3, 1), (DealStage.Discovery, Day(3, 4)), (DealStage.Won, Day(3, 11)));
        Add("D4", null, null, Day(2, 1), (DealStage.Lost, Day(3, 5)));
        Add("D5", 50_000, "USD", Day(3, 2), (DealStage.Discovery, Day(3, 2)));
        Add("D6", null, null, Day(3, 30));
        Add("D7", 99_000, "USD", Day(3, 1), (DealStage.Won, Day(4, 2)));
        await db.SaveChangesAsync();
        return rep;
    }

    private async Task<MetricsReport> ComputeAsync(IReadOnlyCollection<long>? reps, DateTimeOffset from, DateTimeOffset until)
    {
        Bot.Clock.Advance(April.AddHours(1) - Bot.Clock.GetUtcNow());
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MetricsService>().ComputeAsync("March", reps, from, until, TimeZoneInfo.Utc, CancellationToken.None);
    }

    [Fact]
    public async Task WinRateTimeToCloseAndDealSizeMatchTheHandWorkedValues()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], March, April);

        Assert.Equal((3, 1, 0.75), (report.Won, report.Lost, report.WinRate!.Value));
        Assert.Equal(70.0 / 3, report.MeanDaysToClose!.Value, 6);   // 30, 30 and 10 days
        Assert.Equal(30, report.MedianDaysToClose!.Value, 6);
        var usd = report.Currencies.Single(c => c.Currency == "USD");
        var eur = report.Currencies.Single(c => c.Currency == "EUR");
        Assert.Equal((2, 15_000m, 15_000m), (usd.WonDeals, usd.AverageDealSize!.Value, usd.MedianDealSize!.Value)); // a tie: the median of 10k and 20k
        Assert.Equal((1, 5_000m, 5_000m), (eur.WonDeals, eur.AverageDealSize!.Value, eur.MedianDealSize!.Value));
    }

    [Fact]
    public async Task VelocityOpenPipelineAndAtRiskAreKeptPerCurrency()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], March, April);

        var usd = report.Currencies.Single(c => c.Currency == "USD");
        Assert.Equal((1, 50_000m, 50_000m), (usd.OpenDeals, usd.OpenAmount, usd.AtRisk)); // D5 idle 30 days in Discovery (stalls after 10)
        Assert.Equal(Math.Round(2 * 0.75m * 15_000m / (decimal)(70.0 / 3), 2), usd.VelocityPerDay); // D5, and D6 with no amount yet
        Assert.Equal(0m, report.Currencies.Single(c => c.Currency == "EUR").OpenAmount);
        Assert.Equal((2, 1), (report.OpenDeals, report.StalledDeals)); // the pipeline as it stands: D5 and D6
        Assert.Equal("€5,000 (median €5,000); $15,000 (median $15,000)", MetricsText.DealSize(report)); // per currency (EUR, USD), never summed
    }

    [Fact]
    public async Task StageConversionAndTimeInStageFollowTheStageHistory()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], March, April);

        var prospecting = report.Stages.Single(s => s.Stage == DealStage.Prospecting);
        var discovery = report.Stages.Single(s => s.Stage == DealStage.Discovery);
        // Entered Prospecting in March: D3 (1 Mar, on to Discovery), D5 (2 Mar, on to Discovery), D6 (30 Mar, still there), D7 (1 Mar, won in April).
        Assert.Equal((4, 3), (prospecting.Entered, prospecting.MovedOn));
        Assert.Equal(0.75, prospecting.Conversion);
        Assert.Equal(3, prospecting.MedianDaysInStage!.Value, 6); // D3 3 days, D5 0, D7 32: median 3
        // Entered Discovery in March: D3 (4 Mar, won 11 Mar) and D5 (2 Mar, still there).
        Assert.Equal((2, 1, 7.0), (discovery.Entered, discovery.MovedOn, discovery.MedianDaysInStage!.Value));
        Assert.Equal((1, 50_000m), (discovery.OpenDeals, discovery.OpenAmount["USD"])); // D5
        Assert.Equal((1, 0), (prospecting.OpenDeals, prospecting.OpenAmount.Count));    // D6, no amount yet
    }

    [Fact]
    public async Task AnEmptyRangeSaysSoInsteadOfZeroOrNaN()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((0, 0), (report.Won, report.Lost));
        Assert.Null(report.WinRate);
        Assert.Null(report.MeanDaysToClose);
        Assert.Equal("n/a (no closed deals in this range)", MetricsText.WinRate(report));
        Assert.Equal("n/a (no won deals in this range)", MetricsText.TimeToClose(report));
        Assert.Equal("n/a (no won deals with an amount)", MetricsText.DealSize(report));
        Assert.DoesNotContain("NaN", string.Join(" ", MetricsText.Card(report).Facts.Select(f => f.Value)));
    }

    [Fact]
    public async Task LostOnlyGivesAZeroWinRateAndNoDealSize()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], Day(3, 5).AddHours(-1), Day(3, 5).AddHours(1));

        Assert.Equal("0% (0 of 1 closed)", MetricsText.WinRate(report));
        Assert.Equal("n/a (no won deals with an amount)", MetricsText.DealSize(report));
    }

    [Fact]
    public async Task OneDealIsItsOwnMedian()
    {
        var rep = await SeedAsync();
        var report = await ComputeAsync([rep.Id], Day(3, 11).AddHours(-1), Day(3, 11).AddHours(1));

        Assert.Equal((10.0, 10.0), (report.MeanDaysToClose!.Value, report.MedianDaysToClose!.Value));
        Assert.Equal("€5,000 (median €5,000)", MetricsText.DealSize(report));
    }

    [Fact]
    public async Task ADealClosedWithinADayTookOneDaySoVelocityStaysSane()
    {
        await using (var db = Bot.Database())
        {
            var rep = db.Reps.Add(new Rep { DisplayName = "Bob", Email = "bob@example.com" }).Entity;
            var quick = Deal.Open("Quick", new Money(10_000, "USD"), rep, Day(3, 10));
            quick.MoveTo(DealStage.Won, Day(3, 10).AddMinutes(1));
            db.Deals.Add(quick);
            db.Deals.Add(Deal.Open("Open", new Money(20_000, "USD"), rep, Day(3, 20)));
            await db.SaveChangesAsync();
        }
        var report = await ComputeAsync(null, March, April);

        Assert.Equal((1.0, 1.0), (report.MeanDaysToClose!.Value, report.MedianDaysToClose!.Value));
        Assert.Equal(10_000m, report.Currencies.Single().VelocityPerDay); // 1 open deal × 100% × $10,000 ÷ 1 day
        Assert.Equal("n/a (too few closed deals: 1 of the 3 needed)", MetricsText.Velocity(report));
    }

    [Fact]
    public async Task RepsSeeTheirNumbersByChat()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(ReplyAssert.Contains("New deal"))
            .Send("new deal Globex $10,000").AssertReply(ReplyAssert.Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromMinutes(5)))
            .Send("move acme to won").AssertReply(ReplyAssert.Contains("What made the difference?"))
            .Send("skip").AssertReply(ReplyAssert.Contains("OK."))
            .Send("my numbers").AssertReply(ReplyAssert.Contains("Your numbers, this quarter", "Win rate: 100% (1 of 1 closed)", "Average deal size: $45,000 (median $45,000)",
                "Time to close: mean 1 day, median 1", "Pipeline velocity: n/a (too few closed deals: 1 of the 3 needed)"))
            .Send("team numbers this month").AssertReply(ReplyAssert.Contains("You're not on a team yet"))
            .StartTestAsync();
    }
}
