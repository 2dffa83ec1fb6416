using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Metrics;

public sealed class MetricsCommandTests : BotTest
{
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await MetricsCommand.RunAsync(args, output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString());
    }

    private async Task SeedAsync() => await Bot.Flow()
        .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
        .Send("new deal Globex $15,000").AssertReply(Contains("New deal"))
        .Send("move acme to won").AssertReply(Contains("What made the difference?"))
        .Send("skip").AssertReply(Contains("OK."))
        .StartTestAsync();

    [Fact]
    public async Task TheTableShowsTheFourNumbersAndMore()
    {
        await SeedAsync();

        var (exitCode, output) = await RunAsync("--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Whole organisation, 2026-03-01 to 2026-03-31", output);
        Assert.Contains("  Win rate              100% (1 of 1 closed)", output);
        Assert.Contains("  Average deal size     $45,000 (median $45,000)", output);
        Assert.Contains("  Open pipeline         1 deal, $15,000", output);
    }

    [Fact]
    public async Task JsonHasStableFieldNames()
    {
        await SeedAsync();

        var (exitCode, output) = await RunAsync("--rep", "nobody@example.com", "--json", "--from", "2026-03-01", "--to", "2026-03-31");
        Assert.Equal(2, exitCode);
        (exitCode, output) = await RunAsync("--json", "--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["label", "from", "to", "won", "lost", "winRate", "meanDaysToClose", "medianDaysToClose", "openDeals", "stalledDeals", "currencies", "stages", "stallThresholds"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, json.GetProperty("winRate").GetDouble());
        var usd = json.GetProperty("currencies")[0];
        Assert.Equal(("USD", 45000m, 15000m), (usd.GetProperty("currency").GetString(), usd.GetProperty("averageDealSize").GetDecimal(), usd.GetProperty("openAmount").GetDecimal()));
        Assert.Equal("Prospecting", json.GetProperty("stages")[0].GetProperty("stage").GetString());
    }

    [Fact]
    public async Task ARepIsFoundByNameWhenTheArgumentIsNotAnEmail()
    {
        await using (var db = Bot.Database())
        {
            var darcel = db.Reps.Add(new SalesCoachBot.Reps.Rep { DisplayName = "Darcel Schlecht" }).Entity;
            var deal = SalesCoachBot.Deals.Deal.Open("Isdom", new SalesCoachBot.Deals.Money(4_514, "USD"), darcel, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
            deal.MoveTo(SalesCoachBot.Deals.DealStage.Won, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
            db.Deals.Add(deal);
            await db.SaveChangesAsync();
        }
        await SeedAsync(); // another rep's won deal, which must not count

        var (exitCode, output) = await RunAsync("--rep", "darcel schlecht", "--json", "--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("Rep Darcel Schlecht", 1), (json.GetProperty("label").GetString(), json.GetProperty("won").GetInt32()));
        Assert.Equal(4514m, json.GetProperty("currencies")[0].GetProperty("averageDealSize").GetDecimal());
    }

    [Theory]
    [InlineData("--from", "March")]
    [InlineData("--from", "2026-04-01", "--to", "2026-03-01")]
    [InlineData("--team", "nobody@example.com")]
    public async Task BadArgumentsAreExplained(params string[] args) => Assert.Equal(2, (await RunAsync(args)).ExitCode);
}
