namespace SalesCoachBot.Import;

/// <summary>
/// OWASP's rule against CSV (formula) injection: a cell a spreadsheet would run as a formula — one starting with
/// =, +, -, @, a tab or a carriage return — is written after a single quote, so it shows as text. Reading the
/// export back takes the quote off again, so a round trip keeps the name as the rep wrote it.
/// </summary>
public static class SpreadsheetCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && FormulaStarts.Contains(text[1]) ? text[1..] : text;
}
