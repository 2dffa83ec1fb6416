using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

/// <summary>Amounts as Indonesian reps write them: always rupiah, a dot groups thousands, a comma is the decimal sign.</summary>
public sealed class IndonesianAmountTests
{
    private static readonly AmountRecognizer Amounts = new("USD");

    [Theory]
    [InlineData("deal baru Acme 60jt", 60_000_000)]
    [InlineData("tambah deal Globex 150 juta, closing akhir Q3", 150_000_000)]
    [InlineData("Nusantara Tekno nilainya 1,2 M", 1_200_000_000)]
    [InlineData("Lestari Bank 2 M", 2_000_000_000)]
    [InlineData("Garuda Kargo 1,5 miliar", 1_500_000_000)]
    [InlineData("Cakra Finance sebesar 2,5 milyar", 2_500_000_000)]
    [InlineData("Bumi Aksara 500 ribu per user", 500_000)]
    [InlineData("Pelita Edu 750rb", 750_000)]
    [InlineData("Berkah Abadi Rp 45.000.000", 45_000_000)]
    [InlineData("Berkah Abadi Rp45.000.000", 45_000_000)]
    [InlineData("Berkah Abadi Rp. 45.000.000,50", 45_000_000.50)]
    [InlineData("Wijaya Properti IDR 120.000.000 akhir bulan", 120_000_000)]
    [InlineData("Sinar Logistik Rp 45jt", 45_000_000)]
    [InlineData("Mitra Sehat 2,5jt", 2_500_000)]
    public void ReadsRupiah(string text, double amount) =>
        Assert.Equal(new Money((decimal)amount, "IDR"), Amounts.Find(text, Language.Indonesian)?.Value);

    [Theory]
    [InlineData("deal baru Acme 60jt", 60_000_000)]
    [InlineData("Berkah Abadi Rp 45.000.000", 45_000_000)]
    [InlineData("Garuda Kargo 1,5 miliar", 1_500_000_000)]
    public void ReadsUnmistakableRupiahInAnyLanguage(string text, double amount) =>
        Assert.Equal(new Money((decimal)amount, "IDR"), Amounts.Find(text)?.Value);

    [Theory]
    [InlineData("Acme 1.2m", 1_200_000, "USD")]
    [InlineData("Acme 2 m", 2_000_000, "USD")]
    [InlineData("Acme 1,5 Mio EUR", 1_500_000, "EUR")]
    public void AnMIsAMillionInEnglish(string text, double amount, string currency) =>
        Assert.Equal(new Money((decimal)amount, currency), Amounts.Find(text)?.Value);

    [Fact]
    public void ANegativeAmountIsRefused()
    {
        Assert.True(Amounts.Read("Acme -60jt", language: Language.Indonesian)?.IsNegative);
        Assert.Null(Amounts.Find("Acme -60jt", Language.Indonesian));
    }

    [Theory]
    [InlineData("Acme 60jt closing besok", "Acme ", " closing besok")]
    [InlineData("Acme Rp 45.000.000, akhir bulan", "Acme ", ", akhir bulan")]
    public void SaysWhereTheAmountIs(string text, string before, string after)
    {
        var found = Amounts.Find(text, Language.Indonesian)!.Value;
        Assert.Equal(before, text[..found.Start]);
        Assert.Equal(after, text[(found.End + 1)..]);
    }

    [Theory]
    [InlineData("udah telpon Acme tgl 20")]
    [InlineData("meeting jam 10 sama 3 orang")]
    public void ANumberWithoutRupiahIsNoAmount(string text) =>
        Assert.Null(IndonesianAmounts.Find(text, indonesian: true));
}
