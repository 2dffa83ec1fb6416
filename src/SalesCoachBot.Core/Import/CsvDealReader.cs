using System.Globalization;
using CsvHelper;
using SalesCoachBot.Deals;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Import;

/// <summary>Reads and checks a CRM export (quoted fields, embedded commas and newlines, a UTF-8 BOM) row by row.</summary>
public static class CsvDealReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "M/d/yyyy", "d.M.yyyy"];

    public const int MaxNameLength = 200;

    public static (List<ImportRow> Rows, List<ImportProblem> Problems) Read(TextReader text, ImportMapping mapping, StageFinder stages)
    {
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        // An unclosed quote runs to the end of the file, taking every row after it into one field; so the rows after its
        // line are read again on their own, and each is reported or imported rather than silently lost.
        var lines = text.ReadToEnd().Split('\n');
        var (from, offset, ids) = (1, 0, new HashSet<string>(StringComparer.Ordinal));
        while (ReadFrom(string.Join('\n', [lines[0], .. lines[from..]]), offset, mapping, stages, ids, rows, problems) is { } unclosed)
            (from, offset) = (unclosed, unclosed - 1);
        return (rows, problems);
    }

    // Reads the rows of one stretch of the file (its first line the header, its lines numbered from offset); returns
    // the file's line of an unclosed quote, after which nothing more of this stretch could be read.
    private static int? ReadFrom(string text, int offset, ImportMapping mapping, StageFinder stages, HashSet<string> ids, List<ImportRow> rows,
        List<ImportProblem> problems)
    {
        var unclosedQuotes = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                    unclosedQuotes.Add(record.LineNumber);
            },
        };
        using var csv = CsvReader.Create(new StringReader(text), options);
        if (csv.Headers.Count == 0)
        {
            problems.Add(new ImportProblem(1, "the file is empty; the first line must name the columns"));
            return null;
        }
        if (offset == 0 && Duplicates(csv.Headers) is { Count: > 0 } duplicates)
        {
            problems.Add(new ImportProblem(1, string.Join("; ", duplicates) + "; a column must be named once, so rename or remove the others"));
            return null;
        }
        var missing = Required(mapping.Columns).Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(1, $"no column {string.Join(", ", missing.Select(m => $"'{m}'"))} (columns: {string.Join(", ", csv.Headers.Select(h => h.Trim()))}); map them in the mapping file"));
            return null;
        }

        int[] Indexes(string[]? columns) => (columns ?? []).Select(c => csv.TryGetFieldIndex(c, out var at) ? at : -1).Where(at => at >= 0).ToArray();
        var (idAt, nameAt, accountAt, ownerAt, stageAt, createdAt, closedAt, amountAt, currencyAt) = (Indexes(mapping.Columns.Id), Indexes(mapping.Columns.Name),
            Indexes(mapping.Columns.Account), Indexes(mapping.Columns.Owner), Indexes(mapping.Columns.Stage), Indexes(mapping.Columns.Created),
            Indexes(mapping.Columns.Closed), Indexes(mapping.Columns.Amount), Indexes(mapping.Columns.Currency));
        var expectedCloseAt = Indexes(mapping.Columns.ExpectedClose);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber + offset;
            if (unclosedQuotes.Contains(csv.LineNumber))
            {
                problems.Add(new ImportProblem(line, $"unclosed quote starting at line {line}"));
                return line;
            }
            if (ControlCharacterColumn(csv) is { } column)
            {
                problems.Add(new ImportProblem(line, $"column '{column}' holds a control character; remove it"));
                continue;
            }
            string? Field(int[] columns) => columns.Select(at => SpreadsheetCell.Restore(csv.GetString(at).Trim())).FirstOrDefault(value => value.Length > 0);
            var reasons = new List<string>();

            var id = Field(idAt);
            if (id is null)
                reasons.Add("no deal id");
            else if (!ids.Add(id))
                reasons.Add($"deal id '{id}' appears twice");
            var name = Field(nameAt);
            if (name is null)
                reasons.Add("no deal name");
            CheckLength(name, "name", reasons);
            var account = Field(accountAt);
            CheckLength(account, "account", reasons);
            var owner = Field(ownerAt);
            if (owner is null)
                reasons.Add("no owner");
            var stageText = Field(stageAt);
            var stage = ReadStage(stageText, mapping, stages);
            if (stage is null)
                reasons.Add(stageText is null ? "no stage" : $"unknown stage '{stageText}' (map it under \"stages\")");
            var created = ReadDate(Field(createdAt), "created", reasons);
            var closed = ReadDate(Field(closedAt), "closed", reasons);
            if (stage is { } s && s.IsClosed() && closed is null && !reasons.Any(r => r.StartsWith("closed")))
                reasons.Add($"a {s} deal needs a closed date");
            if (stage is { } closedStage && closedStage.IsClosed() && closed < created)
                reasons.Add($"a {closedStage} deal closed ({closed:yyyy-MM-dd}) before it was created ({created:yyyy-MM-dd})");
            var value = ReadMoney(Field(amountAt), Field(currencyAt), mapping.DefaultCurrency, reasons);
            var expectedClose = ReadDate(Field(expectedCloseAt), "expected close", reasons);

            if (reasons.Count > 0)
                problems.Add(new ImportProblem(line, string.Join("; ", reasons)));
            else
                rows.Add(new ImportRow(line, id!, name!, account ?? "", owner!, stage!.Value, created, closed, value)
                {
                    ExpectedClose = expectedClose is { } e ? DateOnly.FromDateTime(e.UtcDateTime) : null,
                });
        }
        return null;
    }

    // A column named twice would be read from one of its copies and the other ignored without a word.
    private static List<string> Duplicates(IReadOnlyList<string> headers) =>
        [.. headers.Select((name, at) => (Name: name.Trim(), Column: at + 1)).Where(h => h.Name.Length > 0)
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"column '{g.Key}' appears {g.Count()} times (columns {string.Join(", ", g.Select(h => h.Column))})")];

    private static string? ControlCharacterColumn(CsvReader csv)
    {
        for (var at = 0; at < csv.FieldCount; at++)
            if (csv.GetString(at).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                return at < csv.Headers.Count ? csv.Headers[at].Trim() : $"#{at + 1}";
        return null;
    }

    private static void CheckLength(string? text, string field, List<string> reasons)
    {
        if (text?.Length > MaxNameLength)
            reasons.Add($"{field} is {text.Length} characters long; at most {MaxNameLength}");
    }

    private static IEnumerable<string> Required(ImportColumns columns) =>
        new[] { columns.Id, columns.Name, columns.Owner, columns.Stage }.SelectMany(names => names ?? []).Distinct(StringComparer.OrdinalIgnoreCase);

    // By the file's own mapping first, else by any name chat knows the stage by.
    private static DealStage? ReadStage(string? text, ImportMapping mapping, StageFinder stages)
    {
        if (text is null)
            return null;
        if (mapping.Stages.TryGetValue(text, out var mapped))
            text = mapped;
        return stages.TryRead(text, out var stage) ? stage : null;
    }

    private static DateTimeOffset? ReadDate(string? text, string field, List<string> reasons)
    {
        if (text is null)
            return null;
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date.ToUniversalTime();
        reasons.Add($"{field} date '{text}' is not a date like 2026-03-31");
        return null;
    }

    private static Money? ReadMoney(string? amount, string? currency, string defaultCurrency, List<string> reasons)
    {
        if (amount is null)
            return null;
        var money = WrittenMoney.Read(amount, currency ?? defaultCurrency, out var problem);
        if (problem is not null)
            reasons.Add(problem);
        return money;
    }
}
