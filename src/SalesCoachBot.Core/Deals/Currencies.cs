namespace SalesCoachBot.Deals;

/// <summary>The one table of how currencies are written: by sign, by name and by code, for reading an amount and for showing one.</summary>
public static class Currencies
{
    /// <summary>The signs of <see cref="Table"/>, for patterns that spot money.</summary>
    public const string Signs = "$€£¥₹";

    /// <summary>What may stand before "$" to name a dollar (<see cref="Dollars"/>), for patterns.</summary>
    public const string DollarPrefixes = "US|CA|C|AU|A|NZ|HK";

    /// <summary>The ISO 4217 codes read after a number ("45k EUR"), for patterns and <see cref="Read"/>.</summary>
    public const string Codes = "USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|INR|SEK|NOK|DKK|PLN|CZK|HUF|SGD|HKD|BRL|MXN|ZAR|AED|SAR|ILS|KRW|IDR|THB|MYR|PHP";

    /// <summary>The names of <see cref="Table"/> as written after a number, for patterns.</summary>
    public const string Names = "dollars?|bucks|euros?|pounds?|quid|yen|rupees?";

    // "$" names no single currency: it is the default currency when that is a dollar, else the US dollar.
    private static readonly (string Code, string Sign, string[] Names)[] Table =
    [
        ("USD", "$", ["dollar", "buck"]),
        ("EUR", "€", ["euro"]),
        ("GBP", "£", ["pound", "quid"]),
        ("JPY", "¥", ["yen"]),
        ("INR", "₹", ["rupee"]),
    ];

    private static readonly Dictionary<string, string> Dollars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us$"] = "USD", ["c$"] = "CAD", ["ca$"] = "CAD", ["a$"] = "AUD", ["au$"] = "AUD", ["nz$"] = "NZD", ["hk$"] = "HKD",
    };

    private static readonly HashSet<string> CodeSet = new(Codes.Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO 4217 code a sign, name or code stands for ("€", "quid", "eur", "A$"); null when it names no currency.</summary>
    public static string? Read(string? written, string defaultCurrency)
    {
        if (written is null)
            return null;
        if (written.Length == 3 && CodeSet.Contains(written))
            return written.ToUpperInvariant();
        var word = written.ToLowerInvariant().TrimEnd('s');
        if (Dollars.TryGetValue(word, out var dollar))
            return dollar;
        var known = Table.FirstOrDefault(c => c.Sign == word || c.Names.Contains(word));
        return known.Code switch
        {
            null => null,
            "USD" => defaultCurrency.EndsWith('D') ? defaultCurrency : "USD",
            var code => code,
        };
    }

    /// <summary>The sign an amount in this currency is shown with ("$45,000"); null for a currency shown by its code.</summary>
    public static string? SignOf(string code) =>
        Table.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Sign;
}
