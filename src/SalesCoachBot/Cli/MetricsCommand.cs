using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Metrics;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>metrics [--rep EMAIL-OR-NAME] [--team MANAGER-EMAIL] [--from DATE] [--to DATE] [--json]</c>: the numbers for a
/// rep, a manager's team or the whole organisation over a date range (UTC days, --to inclusive; default:
/// the last 90 days), as a table or as JSON.
/// </summary>
public static class MetricsCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var rep = new Option<string?>("--rep") { Description = "One rep, by e-mail address or by name as imported", HelpName = "EMAIL-OR-NAME" };
        var team = new Option<string?>("--team") { Description = "A manager's team", HelpName = "MANAGER-EMAIL" };
        var from = new Option<DateOnly?>("--from") { Description = "First day, UTC (default: 89 days before --to)", HelpName = "YYYY-MM-DD", CustomParser = Date };
        var to = new Option<DateOnly?>("--to") { Description = "Last day, UTC, inclusive (default: today)", HelpName = "YYYY-MM-DD", CustomParser = Date };
        var json = new Option<bool>("--json") { Description = "JSON instead of a table" };
        var command = new Command("metrics", "Win rate, deal size, time to close, pipeline and stalls for a rep, a team or the whole organisation") { rep, team, from, to, json };
        command.SetAction(result => MetricsAsync(tools, result.GetValue(rep), result.GetValue(team), result.GetValue(from), result.GetValue(to), result.GetValue(json), output));
        return command;
    }

    internal static DateOnly? Date(ArgumentResult result)
    {
        if (DateOnly.TryParseExact(result.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        result.AddError("--from and --to take dates like 2026-03-31.");
        return null;
    }

    private static async Task<int> MetricsAsync(ToolHost tools, string? repName, string? managerEmail, DateOnly? from, DateOnly? to, bool json, TextWriter output)
    {
        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();

            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var last = to ?? today;
            var first = from ?? last.AddDays(-89);
            if (first > last)
                return await UsageAsync("--from must not be after --to.");

            var (label, reps) = (repName, managerEmail) switch
            {
                ({ } rep, _) => await RepAsync(db, rep),
                (_, { } manager) => ($"Team of {manager}", await TeamAsync(db, EmailAddress.Normalize(manager))),
                _ => ("Whole organisation", (List<long>?)null),
            };
            if (reps is { Count: 0 })
                return await UsageAsync($"No rep or team found for {repName ?? managerEmail}.");
            if (repName is { } named && reps is { Count: > 1 })
                return await UsageAsync($"{reps.Count} reps are called {named}; give the e-mail address of the one you mean.");

            var report = await scope.ServiceProvider.GetRequiredService<MetricsService>().ComputeAsync(label, reps,
                new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimeZoneInfo.Utc, CancellationToken.None);
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(report, Json) : Table(report));
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }

    // By e-mail; an argument that is not one names the rep ("Darcel Schlecht", as a CRM import knows them).
    private static async Task<(string Label, List<long>? Reps)> RepAsync(SalesCoachDbContext db, string rep)
    {
        var key = EmailAddress.Normalize(rep);
        var found = await (EmailAddress.IsAddress(key) ? db.Reps.Where(r => r.Email == key) : db.Reps.Where(r => r.DisplayName.ToLower() == key))
            .Select(r => new { r.Id, r.DisplayName }).ToListAsync();
        return ($"Rep {(found is [var one] && !EmailAddress.IsAddress(key) ? one.DisplayName : rep)}", [.. found.Select(r => r.Id)]);
    }

    private static async Task<List<long>> TeamAsync(SalesCoachDbContext db, string managerEmail)
    {
        var manager = await db.Reps.FirstOrDefaultAsync(r => r.Email == managerEmail);
        return manager is null ? [] : await db.TeamOf(manager.Id).Select(r => r.Id).ToListAsync();
    }

    private static string Table(MetricsReport report)
    {
        var card = MetricsText.Card(report);
        var width = card.Facts.Max(f => f.Label.Length);
        return string.Join(Environment.NewLine, [$"{report.Label}, {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}", .. card.Facts.Select(f => $"  {f.Label.PadRight(width)}  {f.Value}")]);
    }

    private static async Task<int> UsageAsync(string problem)
    {
        await System.Console.Error.WriteLineAsync($"{problem}\nUsage: metrics [--rep EMAIL-OR-NAME] [--team MANAGER-EMAIL] [--from 2026-01-01] [--to 2026-03-31] [--json]");
        return 2;
    }
}
