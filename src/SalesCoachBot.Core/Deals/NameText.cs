using System.Globalization;
using System.Text;

namespace SalesCoachBot.Deals;

/// <summary>
/// The one form a name is kept in: composed (NFC), without invisible format characters (zero-width spaces and
/// joiners, bidi embeddings, overrides and isolates, the BOM, soft hyphens). A name pasted or fuzzed with them looks
/// like "Acme Corp" yet would not be found by typing it.
/// </summary>
public static class NameText
{
    public static string Clean(string name)
    {
        var composed = name.Normalize(NormalizationForm.FormC);
        if (!composed.Any(IsInvisible))
            return composed;
        var kept = new StringBuilder(composed.Length);
        foreach (var c in composed)
            if (!IsInvisible(c))
                kept.Append(c);
        return kept.ToString().Trim();
    }

    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
