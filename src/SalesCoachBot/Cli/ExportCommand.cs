using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>export --format csv|json [--output FILE]</c>: every deal with its owner, expected close, close reason,
/// last activity, latest next step and stage history; amounts as plain invariant numbers (1234.56).
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Columns = ["id", "external_id", "name", "account", "owner", "owner_email", "stage", "amount", "currency", "created",
        "expected_close", "closed", "last_activity", "close_reason", "next_step", "next_step_due", "stage_history"];

    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var format = new Option<string>("--format") { Description = "csv: one row a deal; json: one object a deal", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var path = new Option<string?>("--output") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("export", "Every deal with its owner, dates, close reason, latest next step and stage history") { format, path };
        command.SetAction(result => ExportAsync(tools, result.GetRequiredValue(format), result.GetValue(path), output));
        return command;
    }

    private static async Task<int> ExportAsync(ToolHost tools, string format, string? path, TextWriter output)
    {
        using var host = tools.CreateBuilder().Build();
        await host.PrepareAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var nextSteps = await NextStepsAsync(db);
        var deals = db.Deals.AsNoTracking().Include(d => d.Owner).Include(d => d.StageHistory).OrderBy(d => d.Id).AsAsyncEnumerable();

        await using var file = path is null ? null : new StreamWriter(StartDirectory.Resolve(path));
        var writer = file ?? output;
        await using var csv = format == "csv" ? CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = Environment.NewLine }, leaveOpen: true) : null;
        if (csv is null)
            await writer.WriteLineAsync("[");
        else
            csv.WriteHeader(Columns);
        var first = true;
        await foreach (var deal in deals)
        {
            var history = deal.StageHistory.OrderBy(c => c.Id).Select(c => new { stage = c.To.ToString(), at = c.At.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z", reason = c.Reason });
            var (step, due) = nextSteps.GetValueOrDefault(deal.Id);
            // Adding 0.00m gives every amount two decimals, so JSON numbers are written alike too.
            var amount = deal.Amount is { } a ? Math.Round(a, 2) + 0.00m : (decimal?)null;
            if (csv is null)
            {
                await writer.WriteLineAsync((first ? "" : ",") + JsonSerializer.Serialize(new
                {
                    id = deal.Id, externalId = deal.ExternalId, name = deal.Name, account = deal.Account, owner = deal.Owner?.DisplayName, ownerEmail = deal.Owner?.Email,
                    stage = deal.Stage.ToString(), amount, currency = deal.Currency, created = deal.CreatedAt.UtcDateTime, expectedClose = deal.ExpectedCloseDate,
                    closed = deal.ClosedAt?.UtcDateTime, lastActivity = deal.LastActivityAt.UtcDateTime, closeReason = deal.CloseReason, nextStep = step, nextStepDue = due,
                    stageHistory = history,
                }));
            }
            else
            {
                string[] fields = [deal.Id.ToString(CultureInfo.InvariantCulture), deal.ExternalId ?? "", deal.Name, deal.Account, deal.Owner?.DisplayName ?? "", deal.Owner?.Email ?? "",
                    deal.Stage.ToString(), amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", deal.Currency ?? "", Date(deal.CreatedAt), Date(deal.ExpectedCloseDate),
                    deal.ClosedAt is { } c ? Date(c) : "", Date(deal.LastActivityAt), deal.CloseReason ?? "", step ?? "", Date(due),
                    string.Join(";", history.Select(h => $"{h.stage}@{h.at}"))];
                await csv.WriteRecordAsync(fields);
            }
            first = false;
        }
        if (csv is null)
            await writer.WriteLineAsync("]");
        return 0;
    }

    // Each deal's most recently logged next step, with the date it is due when one was given.
    private static async Task<Dictionary<long, (string? Step, DateOnly? Due)>> NextStepsAsync(SalesCoachDbContext db)
    {
        var steps = await db.Interactions.AsNoTracking().Where(i => i.NextStep != null).OrderBy(i => i.Id)
            .Select(i => new { i.DealId, i.NextStep }).ToListAsync();
        var dues = (await db.FollowUps.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.DealId, f.Note, f.DueOn }).ToListAsync()).ToLookup(f => f.DealId);
        return steps.GroupBy(s => s.DealId).ToDictionary(g => g.Key, g =>
        {
            var step = g.Last().NextStep;
            return (step, dues[g.Key].LastOrDefault(f => string.Equals(f.Note, step, StringComparison.OrdinalIgnoreCase))?.DueOn);
        });
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
