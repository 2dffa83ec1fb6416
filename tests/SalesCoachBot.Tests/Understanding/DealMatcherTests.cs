using SalesCoachBot.Deals;

namespace SalesCoachBot.Tests.Understanding;

public sealed class DealMatcherTests
{
    private static readonly Deal[] Deals = [Named("Acme Corp"), Named("Acme Labs"), Named("Globex Corporation"), Named("Initech")];

    [Theory]
    [InlineData("acme corp", "Acme Corp")]
    [InlineData("GLOBEX", "Globex Corporation")]
    [InlineData("inite", "Initech")]
    [InlineData("initek", "Initech")]
    public void FindsOneDeal(string query, string expected) =>
        Assert.Equal(expected, Assert.IsType<DealMatch.One>(DealMatcher.Match(query, Deals)).Deal.Name);

    [Fact]
    public void ReportsEveryDealAPartialNameFits() =>
        Assert.Equal(["Acme Corp", "Acme Labs"], Assert.IsType<DealMatch.Several>(DealMatcher.Match("acme", Deals)).Deals.Select(d => d.Name));

    [Theory]
    [InlineData("Hooli")]
    [InlineData("")]
    public void FindsNothingForAnUnrelatedName(string query) => Assert.IsType<DealMatch.None>(DealMatcher.Match(query, Deals));

    private static Deal Named(string name) => new() { Name = name, Account = name };
}
