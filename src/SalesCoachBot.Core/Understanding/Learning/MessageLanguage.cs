using System.Text.RegularExpressions;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// The language a message is written in, told by the words nearly only one language's examples use (by their share of
/// each language's examples): "udah", "ke", "kirim" are Indonesian, "sent", "the", "move" English; "follow up", "deal"
/// and "proposal" are used in both, as reps mix them. Names tell
/// nothing: a capitalised word after the first, and the words of the rep's deals, are left out. A message whose words
/// tell neither (a deal name, "ok", an emoji) has no language of its own: it is read in the rep's.
/// </summary>
public sealed partial class MessageLanguage
{
    /// <summary>A word counts for a language once that many of its examples use it…</summary>
    private const int Uses = 2;

    /// <summary>…and its share of them is at least this part of its shares in every language together.</summary>
    private const double Own = 0.9;

    private readonly Dictionary<string, Language> own = new(StringComparer.Ordinal);

    public MessageLanguage(IEnumerable<(Language Language, string Text)> examples)
    {
        var uses = new Dictionary<string, Dictionary<Language, int>>(StringComparer.Ordinal);
        var counts = new Dictionary<Language, int>();
        foreach (var (language, text) in examples)
        {
            counts[language] = counts.GetValueOrDefault(language) + 1;
            foreach (var word in Words(text).Distinct())
            {
                var byLanguage = uses.TryGetValue(word, out var found) ? found : uses[word] = [];
                byLanguage[language] = byLanguage.GetValueOrDefault(language) + 1;
            }
        }
        foreach (var (word, byLanguage) in uses)
        {
            var shares = byLanguage.ToDictionary(u => u.Key, u => (double)u.Value / counts[u.Key]);
            if (byLanguage.MaxBy(u => shares[u.Key]) is { Value: >= Uses } top && shares[top.Key] >= Own * shares.Values.Sum())
                own[word] = top.Key;
        }
    }

    /// <summary>The language most of the message's own words belong to; null when none leads.</summary>
    public Language? Of(string message, IEnumerable<string>? names = null)
    {
        var named = (names ?? []).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var counts = Words(message).Where(w => !named.Contains(w)).Select(w => own.TryGetValue(w, out var language) ? language : (Language?)null).OfType<Language>()
            .GroupBy(l => l).Select(g => (Language: g.Key, Count: g.Count())).OrderByDescending(c => c.Count).ToList();
        return counts switch
        {
            [] => null,
            [var one] => one.Language,
            [var first, var second, ..] when first.Count > second.Count => first.Language,
            _ => null,
        };
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(Shorthand.Expand(text)).Where((m, i) => i == 0 || !char.IsUpper(m.Value[0])).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
