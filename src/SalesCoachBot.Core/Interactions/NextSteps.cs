using System.Text.RegularExpressions;

namespace SalesCoachBot.Interactions;

/// <summary>A next step as it is kept and shown: without a "Next step:" of its own, since it is always shown under that label.</summary>
public static partial class NextSteps
{
    public static string Clean(string text)
    {
        var (whole, step) = (text.Trim(), Label().Replace(text.Trim(), ""));
        return step.Length == 0 || step.Length == whole.Length ? whole : char.ToUpperInvariant(step[0]) + step[1..];
    }

    [GeneratedRegex(@"^next\s*steps?\s*(is|are|would be|will be)?\s*[:\-–—]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
