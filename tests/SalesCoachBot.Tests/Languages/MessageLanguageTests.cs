using SalesCoachBot.Languages;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Tests.Languages;

/// <summary>A message is read in the language its own words are in, told apart by the shipped examples.</summary>
public sealed class MessageLanguageTests
{
    private static readonly MessageLanguage Languages = FromShippedExamples();

    [Theory]
    [InlineData("udah follow up ke Acme, next step kirim proposal", Language.Indonesian)]
    [InlineData("klien bilang harganya kemahalan", Language.Indonesian)]
    [InlineData("deal Globex pindahin ke negotiation", Language.Indonesian)]
    [InlineData("makasih", Language.Indonesian)]
    [InlineData("Acme 60jt", Language.Indonesian)]
    [InlineData("called Acme yesterday, they want pricing by Friday", Language.English)]
    [InlineData("move Globex to negotiation", Language.English)]
    [InlineData("they say we're too expensive", Language.English)]
    public void ReadsTheLanguageOfTheWords(string message, Language expected) => Assert.Equal(expected, Languages.Of(message));

    [Theory]
    [InlineData("Acme")]
    [InlineData("👍")]
    public void WordsThatTellNeitherLeaveItToTheRep(string message) => Assert.Null(Languages.Of(message));

    [Fact]
    public void TheRepsDealNamesTellNothing()
    {
        Assert.Equal(Language.English, Languages.Of("move sinar logistik to proposal", ["Sinar Logistik"]));
        Assert.Equal(Language.Indonesian, Languages.Of("pindahin kestrel ke negosiasi", ["Kestrel"]));
    }

    private static MessageLanguage FromShippedExamples()
    {
        var content = TestContent.Shipped;
        var indonesian = content.Understanding.Translations[Language.Indonesian].Intents.SelectMany(i => i.Examples).ToHashSet();
        return new MessageLanguage(content.Understanding.Intents.SelectMany(i => i.Examples)
            .Select(e => (indonesian.Contains(e) ? Language.Indonesian : Language.English, e)));
    }
}
