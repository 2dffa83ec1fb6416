using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Console;

/// <summary><c>export --format csv|json</c>: every deal with its owner and stage history, to stdout.</summary>
public static class ExportCommand
{
    private static readonly string[] Columns = ["id", "external_id", "name", "account", "owner", "owner_email", "stage", "amount", "currency", "created", "closed", "last_activity", "close_reason", "stage_history"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null)
    {
        var format = new CommandLine(args).Value("--format") ?? "csv";
        if (format is not ("csv" or "json"))
        {
            await System.Console.Error.WriteLineAsync("Usage: export --format csv|json");
            return 2;
        }
        using var host = ToolHost.CreateBuilder([], configure).Build();
        await host.PrepareAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var deals = db.Deals.AsNoTracking().Include(d => d.Owner).Include(d => d.StageHistory).OrderBy(d => d.Id).AsAsyncEnumerable();

        if (format == "csv")
            await output.WriteLineAsync(string.Join(",", Columns));
        else
            await output.WriteLineAsync("[");
        var first = true;
        await foreach (var deal in deals)
        {
            var history = deal.StageHistory.OrderBy(c => c.Id).Select(c => new { stage = c.To.ToString(), at = c.At.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z", reason = c.Reason });
            if (format == "json")
            {
                await output.WriteLineAsync((first ? "" : ",") + JsonSerializer.Serialize(new
                {
                    id = deal.Id, externalId = deal.ExternalId, name = deal.Name, account = deal.Account, owner = deal.Owner?.DisplayName, ownerEmail = deal.Owner?.Email,
                    stage = deal.Stage.ToString(), amount = deal.Amount, currency = deal.Currency, created = deal.CreatedAt.UtcDateTime, closed = deal.ClosedAt?.UtcDateTime,
                    lastActivity = deal.LastActivityAt.UtcDateTime, closeReason = deal.CloseReason, stageHistory = history,
                }));
            }
            else
            {
                string[] fields = [deal.Id.ToString(CultureInfo.InvariantCulture), deal.ExternalId ?? "", deal.Name, deal.Account, deal.Owner?.DisplayName ?? "", deal.Owner?.Email ?? "",
                    deal.Stage.ToString(), deal.Amount?.ToString(CultureInfo.InvariantCulture) ?? "", deal.Currency ?? "", Date(deal.CreatedAt), deal.ClosedAt is { } c ? Date(c) : "",
                    Date(deal.LastActivityAt), deal.CloseReason ?? "", string.Join(";", history.Select(h => $"{h.stage}@{h.at}"))];
                await output.WriteLineAsync(string.Join(",", fields.Select(Quote)));
            }
            first = false;
        }
        if (format == "json")
            await output.WriteLineAsync("]");
        return 0;
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string field) => field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
