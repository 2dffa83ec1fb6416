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

    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null)
    {
        var options = new CommandLine(args);
        if (!TryDate(options.Value("--from"), out var from) || !TryDate(options.Value("--to"), out var to))
            return await UsageAsync("--from and --to take dates like 2026-03-31.");

        try
        {
            using var host = ToolHost.CreateBuilder([], configure).Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();

            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var last = to ?? today;
            var first = from ?? last.AddDays(-89);
            if (first > last)
                return await UsageAsync("--from must not be after --to.");

            var (label, reps) = (options.Value("--rep"), options.Value("--team")) switch
            {
                ({ } rep, _) => await RepAsync(db, rep),
                (_, { } manager) => ($"Team of {manager}", await TeamAsync(db, manager.ToLowerInvariant())),
                _ => ("Whole organisation", (List<long>?)null),
            };
            if (reps is { Count: 0 })
                return await UsageAsync($"No rep or team found for {options.Value("--rep") ?? options.Value("--team")}.");
            if (options.Value("--rep") is { } named && reps is { Count: > 1 })
                return await UsageAsync($"{reps.Count} reps are called {named}; give the e-mail address of the one you mean.");

            var report = await scope.ServiceProvider.GetRequiredService<MetricsService>().ComputeAsync(label, reps,
                new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), CancellationToken.None);
            await output.WriteLineAsync(options.Flag("--json") ? JsonSerializer.Serialize(report, Json) : Table(report));
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
        var key = rep.Trim().ToLowerInvariant();
        var found = await (key.Contains('@') ? db.Reps.Where(r => r.Email == key) : db.Reps.Where(r => r.DisplayName.ToLower() == key))
            .Select(r => new { r.Id, r.DisplayName }).ToListAsync();
        return ($"Rep {(found is [var one] && !key.Contains('@') ? one.DisplayName : rep)}", [.. found.Select(r => r.Id)]);
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

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
            return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }

    private static async Task<int> UsageAsync(string problem)
    {
        await System.Console.Error.WriteLineAsync($"{problem}\nUsage: metrics [--rep EMAIL-OR-NAME] [--team MANAGER-EMAIL] [--from 2026-01-01] [--to 2026-03-31] [--json]");
        return 2;
    }
}
