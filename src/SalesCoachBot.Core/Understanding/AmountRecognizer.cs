using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.NumberWithUnit;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>Finds a deal amount in a sentence ("$45,000", "45k EUR", "1.2m") with Microsoft.Recognizers.Text.</summary>
public sealed class AmountRecognizer(string defaultCurrency)
{
    private readonly CurrencyModel currencies = (CurrencyModel)new NumberWithUnitRecognizer(Culture.English).GetCurrencyModel();

    /// <summary>The amount and where it was written, or null when the text names none.</summary>
    public (Money Value, int Start, int End)? Find(string text)
    {
        foreach (var result in currencies.Parse(text))
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("value", out var raw) ||
                !decimal.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
                continue;
            var currency = result.Resolution.TryGetValue("isoCurrency", out var iso) && iso is string code && code.Length == 3
                ? code
                : CurrencyOfSymbol(result.Resolution.TryGetValue("unit", out var unit) ? unit as string : null);
            return (new Money(amount, currency), result.Start, result.End);
        }
        return FindBareNumber(text);
    }

    /// <summary>An amount given as an answer on its own: "$45k", "45,000 EUR", "1.2m", "45000", "500".</summary>
    public Money? ReadAnswer(string text)
    {
        if (Find(text) is { } found)
            return found.Value;
        var word = text.Trim().ToLowerInvariant().Replace(",", "");
        var multiplier = word.EndsWith('k') ? 1_000m : word.EndsWith('m') ? 1_000_000m : 1m;
        var digits = multiplier == 1m ? word : word[..^1];
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? new Money(number * multiplier, defaultCurrency)
            : null;
    }

    // "$" and "£" name no single currency: "$" is the default currency when that is a dollar, and "£" is sterling.
    private string CurrencyOfSymbol(string? unit) => unit switch
    {
        "Dollar" => defaultCurrency.EndsWith('D') ? defaultCurrency : "USD",
        "Pound" => "GBP",
        _ => defaultCurrency,
    };

    // A bare number counts only as the last word ("new deal Acme 45000", "… 45k"), so names like "Route 66 Diner" survive.
    private (Money Value, int Start, int End)? FindBareNumber(string text)
    {
        var trimmed = text.TrimEnd();
        var start = trimmed.LastIndexOf(' ') + 1;
        var word = trimmed[start..].ToLowerInvariant();
        var multiplier = word.EndsWith('k') ? 1_000m : word.EndsWith('m') ? 1_000_000m : 1m;
        var digits = multiplier == 1m ? word : word[..^1];
        if (!decimal.TryParse(digits, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || (multiplier == 1m && number < 100))
            return null;
        return (new Money(number * multiplier, defaultCurrency), start, trimmed.Length - 1);
    }
}
