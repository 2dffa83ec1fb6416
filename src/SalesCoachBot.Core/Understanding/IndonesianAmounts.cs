using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Amounts as Indonesian reps write them, always in rupiah: "60jt", "60 juta", "1,2 M", "2,5 miliar", "500 ribu", "750rb",
/// "Rp 45.000.000", "IDR 45.000.000,50". A dot groups thousands and a comma is the decimal sign. "M" is a miliar (10⁹)
/// only in a message written in Indonesian; in English "1.2m" stays 1.2 million and is read by <see cref="AmountRecognizer"/>.
/// </summary>
public static partial class IndonesianAmounts
{
    public const string Currency = "IDR";

    /// <summary>The first Indonesian amount in the text; null when there is none.</summary>
    public static AmountRecognizer.Mention? Find(string text, bool indonesian)
    {
        foreach (Match m in Amount().Matches(text))
        {
            var scale = Scale(m.Groups["scale"].Value, indonesian);
            if (scale is null || (scale == 1m && !m.Groups["rp"].Success))
                continue;
            if (!decimal.TryParse(Plain(m.Groups["number"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                continue;
            var amount = number * scale.Value * (m.Groups["sign"].Success ? -1 : 1);
            return new AmountRecognizer.Mention(amount, Currency, m.Index, m.Index + m.Length - 1);
        }
        return null;
    }

    // "45.000.000,50" → "45000000.50"; "1,2" → "1.2"; a lone "1.5" (written the English way) stays 1.5.
    private static string Plain(string digits) =>
        GroupedByDots().IsMatch(digits) ? digits.Replace(".", "").Replace(',', '.') : digits.Replace(',', '.');

    private static decimal? Scale(string written, bool indonesian) => written.ToLowerInvariant().TrimEnd('.') switch
    {
        "" => 1m,
        "rb" or "rbu" or "ribu" or "rban" => 1_000m,
        "jt" or "juta" or "jutaan" => 1_000_000m,
        "miliar" or "milyar" => 1_000_000_000m,
        "m" when indonesian => 1_000_000_000m,
        "triliun" => 1_000_000_000_000m,
        _ => null,
    };

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex GroupedByDots();

    [GeneratedRegex(
        @"(?<![\w.,])(?<sign>[-−])?(?<rp>(Rp\.?|IDR)\s?)?" +
        @"(?<number>\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?|\d+\.\d{1,2}(?!\d))" +
        @"(\s?(?<scale>rb|rbu|ribu|rban|jt|juta|jutaan|miliar|milyar|m|triliun)(?!\w))?" +
        @"(?![\w]|[.,]\d)",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Amount();
}
