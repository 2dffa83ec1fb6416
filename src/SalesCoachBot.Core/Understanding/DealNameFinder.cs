using System.Text.RegularExpressions;
using FuzzySharp;

namespace SalesCoachBot.Understanding;

/// <summary>Spots which of the rep's deals a sentence talks about: "called acme" → "Acme Corp", "Acem" → "Acme Corp".</summary>
public static partial class DealNameFinder
{
    /// <summary>
    /// The deal's full name when one deal fits best; when several fit equally (two "Acme …" deals),
    /// the word they share, so the caller can ask which one is meant.
    /// </summary>
    public static string? Find(string text, IReadOnlyList<string> dealNames)
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
        var word = Word().Matches(text).FirstOrDefault(m => Possessive().Replace(m.Value.ToLowerInvariant(), "") is var w
            && (w == first || (first.Length >= 4 && w.Length >= 4 && Fuzz.Ratio(w, first) >= 75)));
        return word is null ? null : (word.Index, word.Length);
    }

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
        return first.Length >= 4 && words.Any(w => w.Length >= 4 && Fuzz.Ratio(w, first) >= 75) ? 100 : 0;
    }

    private static readonly HashSet<string> CommonWords = ["the", "and", "new", "deal", "project", "inc", "ltd", "corp", "group", "company"];

    [GeneratedRegex(@"[\p{L}\p{N}&'’-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?:'s|’s|'|’)$")]
    private static partial Regex Possessive();
}
