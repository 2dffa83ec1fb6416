using System.Text.RegularExpressions;
using FuzzySharp;

namespace SalesCoachBot.Understanding;

/// <summary>Spots which of the rep's deals a sentence talks about: "called acme" → "Acme Corp", "Acem" → "Acme Corp".</summary>
public static partial class DealNameFinder
{
    public static string? Find(string text, IReadOnlyList<string> dealNames)
    {
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        string? best = null;
        var bestScore = 0;
        foreach (var name in dealNames)
        {
            var score = Score(text, words, name);
            if (score > bestScore)
                (best, bestScore) = (name, score);
        }
        return best;
    }

    private static int Score(string text, List<string> words, string name)
    {
        if (Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(name)}(?![\w])", RegexOptions.IgnoreCase))
            return 1000 + name.Length;
        var first = Word().Matches(name).Select(m => m.Value.ToLowerInvariant()).FirstOrDefault(w => !CommonWords.Contains(w)) ?? "";
        if (first.Length < 3)
            return 0;
        if (words.Contains(first))
            return 500 + first.Length;
        return first.Length >= 4 && words.Any(w => w.Length >= 4 && Fuzz.Ratio(w, first) >= 75) ? 100 : 0;
    }

    private static readonly HashSet<string> CommonWords = ["the", "and", "new", "deal", "project", "inc", "ltd", "corp", "group", "company"];

    [GeneratedRegex(@"[\p{L}\p{N}&'-]+")]
    private static partial Regex Word();
}
