using System.Globalization;

namespace SalesCoachBot.Deals;

/// <summary>An amount in an ISO 4217 currency; never negative, so a "-5000" typed in chat cannot become a deal's value.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>The largest amount taken, in chat and in an import; a larger one is refused, never rounded.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    public decimal Amount { get; } = Amount >= 0 ? Amount : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "An amount cannot be negative.");

    public override string ToString()
    {
        var number = Amount.ToString(Amount == decimal.Truncate(Amount) ? "N0" : "N2", CultureInfo.InvariantCulture);
        return Currencies.SignOf(Currency) is { } sign ? sign + number : $"{number} {Currency}";
    }
}
