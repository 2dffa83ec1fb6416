using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.NumberWithUnit;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Finds a deal amount anywhere in a sentence: "$45,000", "45k EUR", "~40k eur", "1,5 Mio EUR", "1.2m",
/// "120k", with its sign, so that "-5000" or "minus 5k" can be refused rather than read as 5000.
/// Currencies it does not know by name are left to Microsoft.Recognizers.Text.
/// </summary>
public sealed partial class AmountRecognizer(string defaultCurrency)
{
    private readonly CurrencyModel currencies = (CurrencyModel)new NumberWithUnitRecognizer(Culture.English).GetCurrencyModel();

    /// <summary>An amount as written, sign included, and where (<see cref="Start"/> to <see cref="End"/>, inclusive).</summary>
    public sealed record Mention(decimal Amount, string Currency, int Start, int End)
    {
        public bool IsNegative => Amount < 0;

        /// <summary>The amount as money; null when it was written negative.</summary>
        public Money? Value => IsNegative ? null : new Money(Amount, Currency);
    }

    /// <summary>The amount and where it was written; null when the text names none, or a negative one (see <see cref="Read"/>).</summary>
    public (Money Value, int Start, int End)? Find(string text, Language language = Language.English) =>
        Read(text, language: language) is { Value: { } money } found ? (money, found.Start, found.End) : null;

    /// <summary>An amount given as an answer on its own: "$45k", "45,000 EUR", "1.2m", "45000", "500"; null when negative.</summary>
    public Money? ReadAnswer(string text, Language language = Language.English) => Read(text, wholeAnswer: true, language)?.Value;

    /// <summary>A number in the text too large to be an amount as written (over <see cref="Money.MaxAmount"/>); null when there is none.</summary>
    public string? TooLarge(string text) =>
        Number().Matches(text).FirstOrDefault(Exceeds)?.Value.Trim();

    private static bool Exceeds(Match m)
    {
        var (number, scale) = (Written.Plain(m.Groups["number"].Value), Written.Scale(m.Groups["scale"].Value));
        return number.Split('.')[0].TrimStart('0').Length > 16 ||
               (decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value * scale > Money.MaxAmount);
    }

    /// <summary>
    /// The amount in the text, negative ones included: the first with a currency; else a number scaled or
    /// grouped in thousands ("120k", "45,000") that is not part of a name or a date; else a bare number of
    /// at least 100 as the last word ("Acme 45000", so "Route 66 Diner" stays a name), or any number that is
    /// the whole answer. Rupiah as Indonesians write them ("60jt", "Rp 45.000.000", and "1,2 M" in a message in
    /// Indonesian) come first (<see cref="IndonesianAmounts"/>).
    /// </summary>
    public Mention? Read(string text, bool wholeAnswer = false, Language language = Language.English)
    {
        if (IndonesianAmounts.Find(text, language == Language.Indonesian) is { } rupiah)
            return rupiah;
        var written = Number().Matches(text).Select(m => Written.From(m, this)).OfType<Written>().ToList();
        if (written.FirstOrDefault(w => w.Currency is not null) is { } marked)
            return marked.Mention(defaultCurrency);
        if (FromModel(text) is { } named)
            return named;
        if (written.FirstOrDefault(w => w.Grouped && !InNameOrDate(text, w)) is { } scaled)
            return scaled.Mention(defaultCurrency);
        var end = text.TrimEnd(' ', '.', '!', '?').Length - 1;
        var start = text.Length - text.TrimStart().Length;
        return written.LastOrDefault(w => w.End == end && (wholeAnswer ? w.Start == start : Math.Abs(w.Amount) >= 100 && !AfterMonth(text, w))) is { } last
            ? last.Mention(defaultCurrency)
            : null;
    }

    private Mention? FromModel(string text)
    {
        foreach (var result in currencies.Parse(text))
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("value", out var raw) ||
                !decimal.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || Math.Abs(amount) > Money.MaxAmount)
                continue;
            var currency = result.Resolution.TryGetValue("isoCurrency", out var iso) && iso is string code && code.Length == 3
                ? code
                : CurrencyOf(result.Resolution.TryGetValue("unit", out var unit) ? unit as string : null) ?? defaultCurrency;
            var sign = SignBefore().Match(text[..result.Start]);
            return new Mention(sign.Success ? -Math.Abs(amount) : amount, currency, sign.Success ? sign.Index : result.Start, result.End);
        }
        return null;
    }

    private string? CurrencyOf(string? written) => Currencies.Read(written, defaultCurrency);

    private static bool InNameOrDate(string text, Written w)
    {
        var next = WordAfter().Match(text, w.End + 1);
        return AfterMonth(text, w) || (next.Success && (Month().IsMatch(next.Groups[1].Value) || char.IsUpper(next.Groups[1].Value[0])));
    }

    private static bool AfterMonth(string text, Written w) => WordBefore().Match(text[..w.Start]) is { Success: true } before && Month().IsMatch(before.Groups[1].Value);

    private sealed record Written(decimal Amount, string? Currency, bool Grouped, int Start, int End)
    {
        public static Written? From(Match m, AmountRecognizer recognizer)
        {
            var digits = m.Groups["number"].Value;
            var scale = Scale(m.Groups["scale"].Value);
            // "8.000 euros": money is never written to three decimals, so one dot before three digits groups thousands.
            var grouped = IsGrouped(digits) || (scale == 1m && OneDotGroup().IsMatch(digits));
            if (!decimal.TryParse(Normalize(digits, grouped), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number > 1_000_000_000_000m)
                return null;
            var before = recognizer.CurrencyOf(m.Groups["symbol"].Success ? m.Groups["symbol"].Value : m.Groups["code"].Success ? m.Groups["code"].Value : null);
            var after = recognizer.CurrencyOf(m.Groups["after"].Success ? m.Groups["after"].Value : null);
            // "75 000 €" groups thousands with spaces; without a currency, spaced numbers are not taken for an amount.
            if (digits.Any(IsSpace) && before is null && after is null)
                return null;
            var negative = m.Groups["sign"].Success || m.Groups["innersign"].Success;
            var start = before is not null || m.Groups["sign"].Success || m.Groups["approx"].Success ? m.Index : m.Groups["number"].Index;
            var last = after is not null ? m.Groups["after"] : m.Groups["scale"].Success ? m.Groups["scale"] : m.Groups["number"];
            return new Written((negative ? -1 : 1) * number * scale, before ?? after, grouped || scale != 1m, start, last.Index + last.Length - 1);
        }

        public static decimal Scale(string written) => written.ToLowerInvariant().TrimEnd('.', 's') switch
        {
            "" => 1m,
            "k" or "thousand" or "grand" => 1_000m,
            "bn" or "mrd" or "billion" => 1_000_000_000m,
            _ => 1_000_000m,
        };

        public static string Plain(string digits) => Normalize(digits, IsGrouped(digits));

        private static bool IsGrouped(string digits) =>
            WrittenMoney.GroupedByCommas(digits) || ThousandsByDot().IsMatch(digits) || (digits.Contains(',') && digits.Contains('.')) || digits.Any(IsSpace);

        private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F';

        public Mention Mention(string defaultCurrency) => new(Amount, Currency ?? defaultCurrency, Start, End);

        // The last of "," and "." is the decimal separator when both appear; alone, a comma is one unless it groups thousands.
        private static string Normalize(string digits, bool grouped) => string.Concat(digits.Where(c => !IsSpace(c))) switch
        {
            var plain when plain.Length != digits.Length => plain.Replace(',', '.'),
            _ => NormalizeSeparators(digits, grouped),
        };

        private static string NormalizeSeparators(string digits, bool grouped) => (digits.LastIndexOf(','), digits.LastIndexOf('.')) switch
        {
            (>= 0, >= 0) and var (comma, dot) => comma > dot ? digits.Replace(".", "").Replace(',', '.') : digits.Replace(",", ""),
            (>= 0, _) => grouped ? digits.Replace(",", "") : digits.Replace(',', '.'),
            (_, >= 0) => grouped ? digits.Replace(".", "") : digits,
            _ => digits,
        };
    }

    [GeneratedRegex(
        @"(?<![\w.,/:" + Currencies.Signs + @"-])" +
        @"(?<sign>(minus|negative)\s+|[-−](?=\S))?" +
        @"(?<approx>[~≈]\s?)?" +
        @"((?<symbol>(" + Currencies.DollarPrefixes + @")?\$|[" + Currencies.Signs + @"])\s?|(?<code>[A-Za-z]{3})\s)?" +
        @"(?<innersign>[-−])?" +
        @"(?<number>\d{1,3}([\u0020\u00A0\u202F]\d{3})+(,\d+)?|\d{1,3}(,\d{3})+(\.\d+)?|\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,}|\d+([.,]\d+)?)" +
        @"(\s?(?<scale>k|thousand|grand|mio\.?|millions?|mm|mn|m|mrd\.?|bn|billions?)(?!\w))?" +
        @"(\s?(?<after>[" + Currencies.Signs + @"]|" + Currencies.Names + @"|[A-Za-z]{3})(?!\w))?" +
        @"(?!\w|[-/:.,]\d)",
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3}){2,}$")]
    private static partial Regex ThousandsByDot();

    [GeneratedRegex(@"^\d{1,3}\.\d{3}$")]
    private static partial Regex OneDotGroup();

    [GeneratedRegex(@"(?:\bminus\s+|(?<!\S)[-−])$", RegexOptions.IgnoreCase)]
    private static partial Regex SignBefore();

    [GeneratedRegex(@"\G[\s,]*(\p{L}+)")]
    private static partial Regex WordAfter();

    [GeneratedRegex(@"(\p{L}+)\.?\s*$")]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Month();
}
