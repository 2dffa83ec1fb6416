using FuzzySharp;

namespace SalesCoachBot.Deals;

/// <summary>Finds the deal a rep means by a partial, case-insensitive or slightly misspelt name.</summary>
public static class DealMatcher
{
    private const int FuzzyThreshold = 75;
    private const int FuzzyTieMargin = 5;

    public static DealMatch Match(string query, IReadOnlyCollection<Deal> deals)
    {
        var wanted = query.Trim();
        if (wanted.Length == 0 || deals.Count == 0)
            return new DealMatch.None();

        var exact = deals.Where(d => string.Equals(d.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
            return Pick(exact);

        var containing = deals.Where(d => d.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (containing.Count > 0)
            return Pick(containing);

        var scored = deals
            .Select(d => (Deal: d, Score: Fuzz.WeightedRatio(wanted.ToLowerInvariant(), d.Name.ToLowerInvariant())))
            .Where(s => s.Score >= FuzzyThreshold)
            .OrderByDescending(s => s.Score)
            .ToList();
        return scored.Count == 0
            ? new DealMatch.None()
            : Pick(scored.TakeWhile(s => s.Score >= scored[0].Score - FuzzyTieMargin).Select(s => s.Deal).ToList());
    }

    // Several matches are offered by name, and deals that share a name oldest first, wherever they are listed.
    private static DealMatch Pick(List<Deal> deals) =>
        deals.Count == 1 ? new DealMatch.One(deals[0]) : new DealMatch.Several([.. deals.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id)]);
}
