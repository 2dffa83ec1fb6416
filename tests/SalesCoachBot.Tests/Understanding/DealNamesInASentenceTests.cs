using SalesCoachBot.Deals;

namespace SalesCoachBot.Tests.Understanding;

public sealed class DealNamesInASentenceTests
{
    private static readonly Deal[] Deals = [Named("Acme Corp"), Named("Initech"), Named("Salesforce")];

    [Theory]
    [InlineData("log a call with initek", "initek")]
    [InlineData("move acme crop to proposal", "acme crop")]
    public void TheDealASentenceNamesIsTheDealItsNameIsLookedUpAs(string sentence, string written)
    {
        var found = DealMatcher.FindIn(sentence, [.. Deals.Select(d => d.Name)]);

        Assert.NotNull(found);
        Assert.Equal(found, Assert.IsType<DealMatch.One>(DealMatcher.Match(written, Deals)).Deal.Name);
    }

    [Fact]
    public void AWordThatOnlyContainsADealsNameIsNotThatDeal() =>
        Assert.Null(DealMatcher.FindIn("log a sales call with Bob", [.. Deals.Select(d => d.Name)]));

    private static Deal Named(string name) => new() { Name = name, Account = name };
}
