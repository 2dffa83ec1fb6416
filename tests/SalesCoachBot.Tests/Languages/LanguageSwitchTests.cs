using SalesCoachBot.Languages;

namespace SalesCoachBot.Tests.Languages;

public sealed class LanguageSwitchTests
{
    [Theory]
    [InlineData("pakai bahasa Indonesia", Language.Indonesian)]
    [InlineData("bahasa indonesia dong", Language.Indonesian)]
    [InlineData("Switch to English", Language.English)]
    [InlineData("in english pls", Language.English)]
    [InlineData("pakai bahasa inggris aja", Language.English)]
    [InlineData("english", Language.English)]
    public void ReadsTheLanguageAskedFor(string message, Language expected) => Assert.Equal(expected, LanguageSwitch.Read(message));

    [Theory]
    [InlineData("new deal Indonesia Power 60jt")]
    [InlineData("english tea company called back")]
    [InlineData("move Acme to proposal")]
    public void AnythingElseAsksForNone(string message) => Assert.Null(LanguageSwitch.Read(message));

    [Theory]
    [InlineData("id-ID", Language.Indonesian)]
    [InlineData("in", Language.Indonesian)]
    [InlineData("en_US", Language.English)]
    [InlineData("de-DE", null)]
    [InlineData(null, null)]
    public void ALocaleNamesItsLanguage(string? locale, Language? expected) => Assert.Equal(expected, LanguageCodes.FromLocale(locale));
}
