using SalesCoachBot.Deals;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

public sealed class AmountRecognizerTests
{
    private static readonly AmountRecognizer Amounts = new("USD");

    [Theory]
    [InlineData("Acme Corp $45,000", 45_000, "USD")]
    [InlineData("Acme 45,000 EUR", 45_000, "EUR")]
    [InlineData("Acme €30,000", 30_000, "EUR")]
    [InlineData("Acme £12,500.50", 12_500.50, "GBP")]
    [InlineData("Acme 45k EUR", 45_000, "EUR")]
    [InlineData("Acme $1.2 million", 1_200_000, "USD")]
    [InlineData("Acme 1.2m", 1_200_000, "USD")]
    [InlineData("Acme 45k", 45_000, "USD")]
    [InlineData("Acme 45000", 45_000, "USD")]
    [InlineData("Acme 20000 dollars", 20_000, "USD")]
    [InlineData("Acme 5000 pounds", 5_000, "GBP")]
    [InlineData("Acme C$5000", 5_000, "CAD")]
    public void ReadsAmountAndCurrency(string text, double amount, string currency) =>
        Assert.Equal(new Money((decimal)amount, currency), Amounts.Find(text)?.Value);

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("Route 66 Diner")]
    [InlineData("Acme 42")]
    public void FindsNoAmountWhereThereIsNone(string text) => Assert.Null(Amounts.Find(text));

    [Fact]
    public void UsesTheConfiguredDefaultCurrencyForBareNumbers() =>
        Assert.Equal(new Money(45_000, "EUR"), new AmountRecognizer("EUR").Find("Acme 45k")?.Value);

    [Theory]
    [InlineData("CAD", "CAD")]
    [InlineData("EUR", "USD")]
    public void ReadsADollarSignAsTheDefaultCurrencyWhenThatIsADollar(string defaultCurrency, string expected) =>
        Assert.Equal(new Money(5_000, expected), new AmountRecognizer(defaultCurrency).Find("Acme $5,000")?.Value);
}
