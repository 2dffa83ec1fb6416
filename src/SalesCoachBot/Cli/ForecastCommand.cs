using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Charts;
using SalesCoachBot.Content;
using SalesCoachBot.Forecast;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>forecast [--team MANAGER-EMAIL] [--from DATE] [--to DATE] [--json]</c>: open deals by expected close month (UTC days,
/// --to inclusive; default: today to the end of the month after next), for a manager's team or the whole organisation.
/// </summary>
public static class ForecastCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var team = new Option<string?>("--team") { Description = "A manager's team (default: the whole organisation)", HelpName = "MANAGER-EMAIL" };
        var from = new Option<DateOnly?>("--from") { Description = "First close day, UTC (default: today)", HelpName = "YYYY-MM-DD", CustomParser = MetricsCommand.Date };
        var to = new Option<DateOnly?>("--to") { Description = "Last close day, UTC, inclusive (default: the end of the month after next)", HelpName = "YYYY-MM-DD", CustomParser = MetricsCommand.Date };
        var json = new Option<bool>("--json") { Description = "JSON instead of a table" };
        var chart = new Option<string?>("--chart") { Description = "Also write the chart (pipeline by stage and rep, forecast by month) as a PNG", HelpName = "FILE.png" };
        var command = new Command("forecast", "Open deals by expected close month: count, pipeline, weighted and commit, per currency") { team, from, to, json, chart };
        command.SetAction(result => ForecastAsync(tools, result.GetValue(team), result.GetValue(from), result.GetValue(to), result.GetValue(json), result.GetValue(chart), output));
        return command;
    }

    private static async Task<int> ForecastAsync(ToolHost tools, string? managerEmail, DateOnly? from, DateOnly? to, bool json, string? chartFile, TextWriter output)
    {
        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var (defaultFrom, defaultTo) = ForecastPhrases.Range(ForecastPeriod.NextThreeMonths, today);
            var (first, last) = (from ?? defaultFrom, to ?? defaultTo);
            if (first > last)
                return await UsageAsync("--from must not be after --to.");

            var whose = ForecastScope.Everyone;
            if (managerEmail is not null)
            {
                var email = EmailAddress.Normalize(managerEmail);
                if (await db.Reps.AsNoTracking().FirstOrDefaultAsync(r => r.Email == email) is not { } manager)
                    return await UsageAsync($"No rep or team found for {managerEmail}.");
                whose = await ForecastScope.TeamAsync(db, manager, CancellationToken.None);
            }
            var report = await scope.ServiceProvider.GetRequiredService<ForecastService>()
                .ComputeAsync(whose.Label, whose.Owners, whose.Team, today, first, last, CancellationToken.None);
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(report, MetricsCommand.Json) : Table(report));
            if (chartFile is not null)
            {
                var chart = await scope.ServiceProvider.GetRequiredService<ManagerCharts>().BuildAsync(whose, today, first, last, CancellationToken.None);
                await File.WriteAllBytesAsync(StartDirectory.Resolve(chartFile), ManagerChartImage.Render(chart));
                if (!json)
                    await output.WriteLineAsync($"Chart written to {StartDirectory.Resolve(chartFile)}.");
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Cannot write the chart: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }

    private static string Table(ForecastReport report)
    {
        var card = ForecastText.Card(report);
        var width = card.Facts.Count == 0 ? 0 : card.Facts.Max(f => f.Label.Length);
        return string.Join(Environment.NewLine, [card.Title!, card.Text, .. card.Facts.Select(f => $"  {f.Label.PadRight(width)}  {f.Value}"), .. card.Notes]);
    }

    private static async Task<int> UsageAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"{problem}\nUsage: forecast [--team MANAGER-EMAIL] [--from 2026-04-01] [--to 2026-06-30] [--json] [--chart FILE.png]");
        return BotCommandLine.UsageError;
    }
}
