using System.Text.RegularExpressions;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// The words the examples are written in, and which intents each word is typical of: whether a message is in
/// the language the bot was taught at all (a keyboard mash is not), and whether it says something of its own
/// that points at an intent.
/// </summary>
public sealed partial class ExampleWords
{
    /// <summary>
    /// A word points at an intent whose examples use it at least as much as all the others' together, each intent's use
    /// counted per example: "signed" points at won, "again" (reopen's and many others') and "the" at nothing.
    /// </summary>
    private const double Typical = 0.5;

    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> typicalOf = new(StringComparer.Ordinal);

    /// <param name="examples">Each intent's examples.</param>
    /// <param name="otherWords">Text whose words count as known without pointing anywhere: stage names, lost reasons.</param>
    public ExampleWords(IEnumerable<(string Label, string Text)> examples, IEnumerable<string> otherWords)
    {
        var uses = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (label, text) in examples)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
            foreach (var word in Of(text).Distinct())
            {
                var byLabel = uses.TryGetValue(word, out var found) ? found : uses[word] = new(StringComparer.Ordinal);
                byLabel[label] = byLabel.GetValueOrDefault(label) + 1;
                Know(word);
            }
        }
        foreach (var word in otherWords.SelectMany(Of))
            Know(word);
        foreach (var (word, byLabel) in uses)
        {
            var rates = byLabel.ToDictionary(p => p.Key, p => (double)p.Value / counts[p.Key]);
            var total = rates.Values.Sum();
            typicalOf[word] = [.. rates.Where(r => r.Value / total >= Typical).Select(r => r.Key)];
        }
    }

    /// <summary>
    /// How much of a message, by letters, is in words the examples use, numbers or the deal it names: 1 for a message
    /// of no words (an emoji), 0 for a keyboard mash. Weighed by letters, so a stray "in" does not make a mash a sentence.
    /// </summary>
    public float KnownShare(string message, string? dealNamed)
    {
        var span = dealNamed is null ? null : DealMatcher.Locate(message, dealNamed);
        var (inDeal, rest) = span is var (start, length) ? (Of(message.Substring(start, length)).Sum(w => w.Length), message.Remove(start, length)) : (0, message);
        var words = Of(rest).ToList();
        var total = inDeal + words.Sum(w => w.Length);
        return total == 0 ? 1f : (inDeal + words.Where(Known).Sum(w => w.Length)) / (float)total;
    }

    /// <summary>Whether the message has a word of its own typical of the intent's examples ("delete", "signed", "reopen").</summary>
    public bool PointsAt(string label, string message) =>
        Of(message).Any(word => typicalOf.TryGetValue(word, out var labels) && labels.Contains(label));

    private bool Known(string word) => word.Any(char.IsDigit) || known.Contains(word) || known.Contains(Root(word));

    private void Know(string word)
    {
        known.Add(word);
        known.Add(Root(word));
    }

    private static IEnumerable<string> Of(string text) => Word().Matches(UnderstandingModel.Prepare(text)).Select(m => m.Value);

    // Enough for "deleted", "deletes" and "deleting" to be known from "delete".
    private static string Root(string word) => WordEnding().Replace(word, "");

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=\p{L}{3})(?:ing|ed|es|e|s)$")]
    private static partial Regex WordEnding();
}
