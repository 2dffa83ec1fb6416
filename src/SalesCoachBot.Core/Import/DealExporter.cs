using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Interactions;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Import;

public enum ExportFormat
{
    Csv,
    Json,
}

/// <summary>
/// Every deal with its owner, expected close, close reason, last activity, current next step (<see cref="NextSteps"/>) and stage
/// history; amounts as plain invariant numbers (1234.56). The CSV reads back with <see cref="DealImporter"/>.
/// </summary>
public static class DealExporter
{
    public static readonly string[] Columns = ["id", "external_id", "name", "account", "owner", "owner_email", "stage", "amount", "currency", "created",
        "expected_close", "closed", "last_activity", "close_reason", "next_step", "next_step_due", "stage_history"];

    public static async Task WriteAsync(SalesCoachDbContext db, ExportFormat format, TextWriter writer, CancellationToken cancellationToken)
    {
        var nextSteps = await NextSteps.OfDealsAsync(db, null, cancellationToken);
        var deals = db.Deals.AsNoTracking().Include(d => d.Owner).Include(d => d.StageHistory).OrderBy(d => d.Id).AsAsyncEnumerable();
        await using var csv = format == ExportFormat.Csv ? CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = Environment.NewLine }, leaveOpen: true) : null;
        if (csv is null)
            await writer.WriteLineAsync("[");
        else
            csv.WriteHeader(Columns);
        var first = true;
        await foreach (var deal in deals.WithCancellation(cancellationToken))
        {
            var history = deal.StageHistory.OrderBy(c => c.Id).Select(c => new { stage = c.To.ToString(), at = c.At.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z", reason = c.Reason });
            var next = nextSteps.GetValueOrDefault(deal.Id);
            var (step, due) = (next?.Note, next?.DueOn);
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
                // Text a rep or a CRM wrote can start like a formula; numbers, dates and stages are written here and cannot.
                string Text(string? text) => SpreadsheetCell.Neutralise(text ?? "");
                string[] fields = [deal.Id.ToString(CultureInfo.InvariantCulture), Text(deal.ExternalId), Text(deal.Name), Text(deal.Account), Text(deal.Owner?.DisplayName),
                    Text(deal.Owner?.Email), deal.Stage.ToString(), amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", deal.Currency ?? "", Date(deal.CreatedAt),
                    Date(deal.ExpectedCloseDate), deal.ClosedAt is { } c ? Date(c) : "", Date(deal.LastActivityAt), Text(deal.CloseReason), Text(step), Date(due),
                    string.Join(";", history.Select(h => $"{h.stage}@{h.at}"))];
                await csv.WriteRecordAsync(fields);
            }
            first = false;
        }
        if (csv is null)
            await writer.WriteLineAsync("]");
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
