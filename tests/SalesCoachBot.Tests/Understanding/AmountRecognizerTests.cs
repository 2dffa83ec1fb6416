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
    [InlineData("Acme 1,5 Mio EUR", 1_500_000, "EUR")]
    [InlineData("Acme 2 Mio. €", 2_000_000, "EUR")]
    [InlineData("Acme ~40k eur", 40_000, "EUR")]
    [InlineData("EUR 12.500,50 for Acme", 12_500.50, "EUR")]
    // anywhere in a sentence, not only at the end
    [InlineData("Acme 1,5 Mio EUR closing end of Q2", 1_500_000, "EUR")]
    [InlineData("Acme ~40k eur, champion is Dana", 40_000, "EUR")]
    [InlineData("Acme 120k closing March 15", 120_000, "USD")]
    [InlineData("Acme $30,000 closing March 15", 30_000, "USD")]
    [InlineData("Route 66 Diner 45,000 next month", 45_000, "USD")]
    // thousands grouped the European way
    [InlineData("new deal Fourth Coffee, value approximately 8.000 euros", 8_000, "EUR")]
    [InlineData("open a deal for Wide World Importers 75 000 €", 75_000, "EUR")]
    [InlineData("new opportunity: Tailwind Traders, budget 18\u00A0000 CHF", 18_000, "CHF")]
    [InlineData("Acme 1 250 000,50 EUR", 1_250_000.50, "EUR")]
    [InlineData("Acme 1.5k", 1_500, "USD")]
    public void ReadsAmountAndCurrency(string text, double amount, string currency) =>
        Assert.Equal(new Money((decimal)amount, currency), Amounts.Find(text)?.Value);

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("Route 66 Diner")]
    [InlineData("Acme 42")]
    [InlineData("Route 66 Diner closing March 15")]
    [InlineData("Boeing 747 upgrade")]
    [InlineData("Acme closing March 2027")]
    [InlineData("Acme closing 15 March")]
    [InlineData("call 555-1234 on 2026-03-15")]
    [InlineData("Acme 3pm")]
    [InlineData("met 3 000 people at the expo")]
    public void FindsNoAmountWhereThereIsNone(string text) => Assert.Null(Amounts.Find(text));

    [Fact]
    public void UsesTheConfiguredDefaultCurrencyForBareNumbers() =>
        Assert.Equal(new Money(45_000, "EUR"), new AmountRecognizer("EUR").Find("Acme 45k")?.Value);

    [Theory]
    [InlineData("CAD", "CAD")]
    [InlineData("EUR", "USD")]
    public void ReadsADollarSignAsTheDefaultCurrencyWhenThatIsADollar(string defaultCurrency, string expected) =>
        Assert.Equal(new Money(5_000, expected), new AmountRecognizer(defaultCurrency).Find("Acme $5,000")?.Value);

    [Theory]
    [InlineData("Acme -5000", -5_000, "USD")]
    [InlineData("Acme minus 5k", -5_000, "USD")]
    [InlineData("Acme -$5,000", -5_000, "USD")]
    [InlineData("Acme $-5000", -5_000, "USD")]
    [InlineData("Acme minus €2k closing next month", -2_000, "EUR")]
    public void TellsANegativeAmountSoItCanBeRefused(string text, double amount, string currency)
    {
        var mention = Amounts.Read(text);
        Assert.Equal(((decimal)amount, currency, true), (mention?.Amount, mention?.Currency, mention?.IsNegative));
        Assert.Null(mention!.Value);
        Assert.Null(Amounts.Find(text));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("minus 45k")]
    public void ANegativeAnswerIsNoAmount(string answer)
    {
        Assert.Null(Amounts.ReadAnswer(answer));
        Assert.True(Amounts.Read(answer, wholeAnswer: true)?.IsNegative);
    }

    [Theory]
    [InlineData("45000", 45_000)]
    [InlineData("500", 500)]
    [InlineData("1,5 Mio", 1_500_000)]
    [InlineData("$45k", 45_000)]
    public void ReadsAnAnswerOnItsOwn(string answer, double amount) =>
        Assert.Equal((decimal)amount, Amounts.ReadAnswer(answer)?.Amount);

    [Fact]
    public void MoneyIsNeverNegative() => Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-1, "USD"));

    [Fact]
    public void TheAmountIsFoundWhereItWasWritten()
    {
        const string text = "Acme ~40k eur closing next month";
        var found = Amounts.Find(text)!.Value;
        Assert.Equal("~40k eur", text[found.Start..(found.End + 1)]);
    }
}
