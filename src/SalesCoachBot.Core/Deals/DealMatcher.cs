using System.Text.RegularExpressions;
using FuzzySharp;

namespace SalesCoachBot.Deals;

/// <summary>
/// The one way a name a rep writes is matched to their deals: in full, in part, or slightly misspelt, both when a
/// sentence is read ("called acme" → "Acme Corp") and when the deal is then looked up, so the two never disagree.
/// </summary>
public static partial class DealMatcher
{
    private const int FuzzyThreshold = 75;
    private const int FuzzyTieMargin = 5;

    /// <summary>The deal a name means: exactly, else every deal whose name contains it, else the nearest spellings.</summary>
    public static DealMatch Match(string query, IReadOnlyCollection<Deal> deals)
    {
        var wanted = NameText.Clean(query).Trim();
        if (wanted.Length == 0 || deals.Count == 0)
            return new DealMatch.None();

        var exact = deals.Where(d => string.Equals(d.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
            return Pick(exact);

        var containing = deals.Where(d => d.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (containing.Count > 0)
            return Pick(containing);

        var scored = deals
            .Select(d => (Deal: d, Score: Similarity(wanted, d.Name)))
            .Where(s => s.Score >= FuzzyThreshold)
            .OrderByDescending(s => s.Score)
            .ToList();
        return scored.Count == 0
            ? new DealMatch.None()
            : Pick(scored.TakeWhile(s => s.Score >= scored[0].Score - FuzzyTieMargin).Select(s => s.Deal).ToList());
    }

    /// <summary>
    /// Which of the rep's deals a sentence talks about: the deal's full name when one deal fits best; when several fit
    /// equally (two "Acme …" deals), the word they share, so the caller can ask which one is meant.
    /// </summary>
    public static string? FindIn(string text, IReadOnlyList<string> dealNames)
    {
        var words = Word().Matches(text).Select(m => Possessive().Replace(m.Value.ToLowerInvariant(), "")).ToList();
        var scored = dealNames.Select(name => (Name: name, Score: Score(text, words, name))).Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ToList();
        if (scored.Count == 0)
            return null;
        if (scored.Count > 1 && scored[1].Score == scored[0].Score && scored[0].Score < 1000)
            return SignificantWord(scored[0].Name);
        return scored[0].Name;
    }

    /// <summary>Where the sentence names the deal (its full name, its main word, or a near spelling of it).</summary>
    public static (int Start, int Length)? Locate(string text, string dealName)
    {
        var full = Regex.Match(text, $@"(?<![\w]){Regex.Escape(dealName)}(?:'s|’s)?(?![\w])", RegexOptions.IgnoreCase);
        if (full.Success)
            return (full.Index, full.Length);
        var first = SignificantWord(dealName).ToLowerInvariant();
        var word = Word().Matches(text).FirstOrDefault(m => Possessive().Replace(m.Value.ToLowerInvariant(), "") is var w && (w == first || Misspelt(w, first)));
        return word is null ? null : (word.Index, word.Length);
    }

    private static int Similarity(string written, string name) => Fuzz.WeightedRatio(written.ToLowerInvariant(), name.ToLowerInvariant());

    // A near spelling of the deal's main word in a sentence: long enough to tell, and at most 5:3 as long (the most two
    // spellings 75% alike can differ by), so a word that merely contains it ("sales", Salesforce) is not taken for it.
    private static bool Misspelt(string word, string dealWord) =>
        word.Length >= 4 && dealWord.Length >= 4 && 3 * Math.Max(word.Length, dealWord.Length) <= 5 * Math.Min(word.Length, dealWord.Length)
        && Similarity(word, dealWord) >= FuzzyThreshold;

    private static string SignificantWord(string name) =>
        Word().Matches(name).Select(m => m.Value).FirstOrDefault(w => !CommonWords.Contains(w.ToLowerInvariant())) ?? name;

    private static int Score(string text, List<string> words, string name)
    {
        if (Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(name)}(?![\w])", RegexOptions.IgnoreCase))
            return 1000 + name.Length;
        var first = SignificantWord(name).ToLowerInvariant();
        if (first.Length < 3)
            return 0;
        if (words.Contains(first))
            return 500 + first.Length;
        return words.Any(w => Misspelt(w, first)) ? 100 : 0;
    }

    // Several matches are offered by name, and deals that share a name oldest first, wherever they are listed.
    private static DealMatch Pick(List<Deal> deals) =>
        deals.Count == 1 ? new DealMatch.One(deals[0]) : new DealMatch.Several([.. deals.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id)]);

    private static readonly HashSet<string> CommonWords = ["the", "and", "new", "deal", "project", "inc", "ltd", "corp", "group", "company"];

    [GeneratedRegex(@"[\p{L}\p{N}&'’-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?:'s|’s|'|’)$")]
    private static partial Regex Possessive();
}
