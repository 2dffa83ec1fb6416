using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Cli;
using SalesCoachBot.Charts;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Forecast;

/// <summary>The forecast of an imported pipeline against a table worked out by hand; closing in 2099, so the real clock of the command sees them ahead.</summary>
public sealed class ForecastCommandTests : BotTest
{
    // Default chances (too few closed deals to learn from): Prospecting 10%, Discovery 25%, Proposal 40%, Negotiation 60%, Closing 80%.
    private const string Csv = """
        id,name,account,owner,stage,created,closed,amount,currency,expected_close
        O1,Acme,Acme,carol@example.com,Discovery,2026-01-10,,10000,USD,2099-03-20
        O2,Globex,Globex,carol@example.com,Negotiation,2026-01-10,,20000,USD,2099-03-31
        O3,Initech,Initech,carol@example.com,Proposal,2026-01-10,,5000,EUR,2099-03-15
        O4,Umbrella,Umbrella,dave@example.com,Closing,2026-01-10,,8000,USD,2099-04-10
        O5,Hooli,Hooli,dave@example.com,Prospecting,2026-01-10,,,,2099-04-30
        O6,Stark,Stark,dave@example.com,Proposal,2026-01-10,,12000,USD,
        O7,Wayne,Wayne,carol@example.com,Discovery,2026-01-10,,3000,USD,2026-02-15
        O8,Tyrell,Tyrell,carol@example.com,Negotiation,2026-01-10,,7000,USD,2099-09-01
        W1,Cyberdyne,Cyberdyne,carol@example.com,Won,2026-01-10,2026-02-01,50000,USD,2099-03-10
        """;

    private string Folder => Path.GetDirectoryName(Bot.Database().Database.GetConnectionString()!.Split(';')[0]["Data Source=".Length..])!;

    private async Task<(int ExitCode, string Output)> RunAsync(Func<string[], TextWriter, Action<IHostApplicationBuilder>, Task<int>> command, params string[] args)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await command(args, output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString());
    }

    private async Task ImportAsync()
    {
        var file = Path.Combine(Folder, "pipeline.csv");
        await File.WriteAllTextAsync(file, Csv, Encoding.UTF8);
        var (exitCode, output) = await RunAsync((a, o, c) => ImportCommand.RunAsync(a, o, c), file);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task MonthsMatchTheHandWorkedTableAndAnIndependentSumOfTheFile()
    {
        await ImportAsync();

        var (exitCode, output) = await RunAsync((a, o, c) => ForecastCommand.RunAsync(a, o, c), "--json", "--from", "2099-03-01", "--to", "2099-05-31");

        Assert.True(exitCode == 0, output);
        var json = JsonDocument.Parse(output).RootElement;
        var months = json.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2099-03", "2099-04", "2099-05"], months.Select(m => m.GetProperty("month").GetString()));
        //            deals  pipeline                 weighted                                commit
        // March:     O1 O2 O3  USD 10k+20k, EUR 5k   USD 10k×25%+20k×60% = 14.5k, EUR 5k×40% = 2k   USD 20k (O2), EUR 0
        // April:     O4 O5     USD 8k (O5 has no amount)  USD 8k×80% = 6.4k                      USD 8k (O4)
        Assert.Equal((3, 30_000m, 5_000m, 14_500m, 2_000m, 20_000m, 0m), Figures(months[0]));
        Assert.Equal((2, 8_000m, 0m, 6_400m, 0m, 8_000m, 0m), Figures(months[1]));
        Assert.Equal(1, months[1].GetProperty("withoutAmount").GetInt32());
        Assert.Equal((2, 1), (months[0].GetProperty("dealsIn").GetProperty("USD").GetInt32(), months[0].GetProperty("dealsIn").GetProperty("EUR").GetInt32()));
        Assert.Equal(0, months[2].GetProperty("deals").GetInt32());

        var undated = json.GetProperty("undated"); // O6 has no date, O7's date has passed
        Assert.Equal((2, 15_000m, 1, 1), (undated.GetProperty("deals").GetInt32(), undated.GetProperty("pipeline").GetProperty("USD").GetDecimal(),
            undated.GetProperty("noCloseDate").GetInt32(), undated.GetProperty("pastCloseDate").GetInt32()));
        Assert.Equal(7_000m, json.GetProperty("outside").GetProperty("pipeline").GetProperty("USD").GetDecimal()); // O8, September

        // The same months summed straight from the file: open deals, amount per expected close month and currency.
        var independent = Csv.Split('\n').Skip(1).Select(l => l.Trim().Split(','))
            .Where(f => f[4] is not ("Won" or "Lost") && f[7].Length > 0 && f[9].Length > 0 && string.CompareOrdinal(f[9], "2099-03-01") >= 0 && string.CompareOrdinal(f[9], "2099-05-31") <= 0)
            .GroupBy(f => (Month: f[9][..7], Currency: f[8]))
            .ToDictionary(g => g.Key, g => g.Sum(f => decimal.Parse(f[7], CultureInfo.InvariantCulture)));
        var reported = months.SelectMany(m => m.GetProperty("pipeline").EnumerateObject().Select(p => ((m.GetProperty("month").GetString()!, p.Name), p.Value.GetDecimal())))
            .ToDictionary(p => p.Item1, p => p.Item2);
        Assert.Equal(independent.OrderBy(p => p.Key), reported.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task ProbabilitiesSayWhichRuleApplied()
    {
        await ImportAsync();

        var (_, output) = await RunAsync((a, o, c) => ForecastCommand.RunAsync(a, o, c), "--json", "--from", "2099-03-01", "--to", "2099-03-31");

        var odds = JsonDocument.Parse(output).RootElement.GetProperty("probabilities").EnumerateArray().ToList();
        Assert.Equal(7, odds.Count);
        Assert.All(odds, o => Assert.Equal("default", o.GetProperty("source").GetString()));
        Assert.Equal(("Negotiation", 0.6), (odds[4].GetProperty("stage").GetString(), odds[4].GetProperty("chance").GetDouble()));
    }

    [Fact]
    public async Task TheTableKeepsCurrenciesApartAndNamesTheUndatedDeals()
    {
        await ImportAsync();

        var (exitCode, output) = await RunAsync((a, o, c) => ForecastCommand.RunAsync(a, o, c), "--from", "2099-03-01", "--to", "2099-05-31");

        Assert.Equal(0, exitCode);
        Assert.Contains("5 deals closing in Mar 2099 – May 2099: €5,000 pipeline, €2,000 weighted, €0 commit; $38,000 pipeline, $20,900 weighted, $28,000 commit.", output);
        Assert.Contains("  Mar 2099, EUR  1 deal: pipeline €5,000 · weighted €2,000 · commit €0", output);
        Assert.Contains("  Mar 2099, USD  2 deals: pipeline $30,000 · weighted $14,500 · commit $20,000", output);
        Assert.Contains("2 deals, $15,000, need a close date (1 with none, 1 past their date).", output);
        Assert.Contains("1 deal, $7,000, closes outside Mar 2099 – May 2099.", output);
    }

    [Fact]
    public async Task TheChartIsWrittenBesideTheTable()
    {
        await ImportAsync();
        var file = Path.Combine(Folder, "forecast.png");

        var (exitCode, output) = await RunAsync((a, o, c) => ForecastCommand.RunAsync(a, o, c), "--from", "2099-03-01", "--to", "2099-05-31", "--chart", file);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Chart written to {file}.", output);
        using var image = SkiaSharp.SKBitmap.Decode(file);
        Assert.Equal((ManagerChartImage.Width, ManagerChartImage.Height), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("--from", "2026-04-01", "--to", "2026-03-01")]
    [InlineData("--team", "nobody@example.com")]
    [InlineData("--from", "April")]
    public async Task BadArgumentsAreExplained(params string[] args) =>
        Assert.Equal(2, (await RunAsync((a, o, c) => ForecastCommand.RunAsync(a, o, c), args)).ExitCode);

    private static (int, decimal, decimal, decimal, decimal, decimal, decimal) Figures(JsonElement month)
    {
        decimal In(string field, string currency) => month.GetProperty(field).TryGetProperty(currency, out var v) ? v.GetDecimal() : 0m;
        return (month.GetProperty("deals").GetInt32(), In("pipeline", "USD"), In("pipeline", "EUR"), In("weighted", "USD"), In("weighted", "EUR"), In("commit", "USD"), In("commit", "EUR"));
    }
}
