using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Deals;

/// <summary>
/// Reads an amount written as a plain number and its currency code, as a CRM export's cells and the bot's own saved
/// state hold them ("2,500.50" "EUR"); a sentence in chat is read by <c>AmountRecognizer</c>. Strict: what could be
/// misread is refused with the reason, never guessed.
/// </summary>
public static partial class WrittenMoney
{
    public static Money? Read(string amount, string currency, out string? problem)
    {
        problem = Problem(amount, currency, out var value);
        return problem is null ? new Money(value, currency.ToUpperInvariant()) : null;
    }

    /// <summary>Whether the number groups its thousands with commas ("45,000", "-1,234.5"), so a comma in it is no decimal point.</summary>
    public static bool GroupedByCommas(string number) => ThousandsGrouped().IsMatch(number);

    private static string? Problem(string amount, string currency, out decimal value)
    {
        value = 0;
        // "1.234,56" must not become 1.23456: a comma is only a thousands separator, in groups of three.
        if (amount.Contains(',') && !GroupedByCommas(NotANumberOrComma().Replace(amount, "")))
            return $"amount '{amount}' is ambiguous; write it with a decimal point, like 1234.56 or 1,234.56";
        var digits = CurrencySign().Replace(amount, "");
        if (Exponent().IsMatch(digits))
            return $"amount '{amount}' is in exponent notation; write it out, like 100000";
        var tooLarge = string.Create(CultureInfo.InvariantCulture, $"amount '{amount}' is too large (more than {Money.MaxAmount:N0})");
        if (LongAmount().IsMatch(digits))
            return tooLarge;
        if (!PlainAmount().IsMatch(digits) || !decimal.TryParse(digits.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return $"amount '{amount}' is not a number like 45000 or 45,000.50";
        if (value > Money.MaxAmount)
            return tooLarge;
        return currency.Length != 3 || !currency.All(char.IsAsciiLetter) ? $"currency '{currency}' is not a three-letter code such as USD" : null;
    }

    [GeneratedRegex(@"^\s*[" + Currencies.Signs + @"]?\s*|\s*[" + Currencies.Signs + @"]?\s*$")]
    private static partial Regex CurrencySign();

    [GeneratedRegex(@"^-?[\d.,]*\d[eE][+-]?\d+$")]
    private static partial Regex Exponent();

    [GeneratedRegex(@"^[\d,]{17,}(\.\d*)?$")]
    private static partial Regex LongAmount();

    // Up to 16 whole digits and 12 decimals fit a decimal exactly.
    [GeneratedRegex(@"^(\d{1,3}(,\d{3}){1,5}|\d{1,16})(\.\d{1,12})?$")]
    private static partial Regex PlainAmount();

    [GeneratedRegex(@"[^\d.,\-]")]
    private static partial Regex NotANumberOrComma();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsGrouped();
}
