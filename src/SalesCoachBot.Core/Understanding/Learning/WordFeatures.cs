using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>One word or word pair of a sentence: its slot among <see cref="WordFeatures.Slots"/> and its weight.</summary>
public readonly record struct WordFeature(int Slot, float Value);

/// <summary>
/// The words of a sentence and each pair of neighbouring words, hashed into a fixed number of slots. Beside the
/// sentence vector they let the classifier learn which words tell intents apart in these examples ("inked",
/// "redlines", "pull up"), where the vector only knows what sentences mean in general. Numbers read as one word.
/// A sentence in another language than English has its features in slots of their own, so English is read as it
/// was learned from the English examples; and the letter runs of each word (2 to 5 letters, within the word) are
/// added, which carry what a word is made of across spellings and affixes ("kirim", "dikirim", "kirimin"; "udah",
/// "udh", "sudah"), so that language is learned from its own examples although the sentence model reads English alone.
/// </summary>
public static partial class WordFeatures
{
    /// <summary>Changes whenever what the features are changes, so weights trained on older ones are not reused.</summary>
    public const string Version = "words-6-letters-beyond-english-apart";

    public const int Slots = 2 * LanguageSlots;

    /// <summary>The slots of English sentences come first; those of other languages after them.</summary>
    private const int LanguageSlots = 1 << 14;

    /// <summary>How much the words weigh together beside the unit-length sentence vector.</summary>
    private const float Weight = 3f;

    /// <summary>How much the letter runs weigh together.</summary>
    private const float LetterWeight = 2f;

    private const int ShortestRun = 2, LongestRun = 5;

    /// <summary>Features of a prepared sentence (see <see cref="UnderstandingModel.Prepare"/>); every number reads as one word.</summary>
    /// <param name="prepared">The sentence.</param>
    /// <param name="beyondEnglish">Whether the sentence is in another language than English.</param>
    public static WordFeature[] Of(string prepared, bool beyondEnglish = false)
    {
        var words = Word().Matches(prepared).Select(m => char.IsDigit(m.Value[0]) ? "#" : Stem(m.Value)).ToList();
        var slots = new List<int>(words.Count * 2);
        for (var i = 0; i < words.Count; i++)
        {
            slots.Add(Slot("w", words[i], ""));
            if (i + 1 < words.Count)
                slots.Add(Slot("p", words[i], words[i + 1]));
        }
        if (slots.Count == 0)
            return [];
        var runs = beyondEnglish ? words.SelectMany(LetterRuns).ToList() : [];
        if (beyondEnglish)
            for (var i = 0; i < slots.Count; i++)
                slots[i] += LanguageSlots;
        var (value, runValue) = (Weight / MathF.Sqrt(slots.Count), runs.Count == 0 ? 0 : LetterWeight / MathF.Sqrt(runs.Count));
        return [.. slots.Select(s => (Slot: s, Value: value)).Concat(runs.Select(s => (Slot: s, Value: runValue)))
            .GroupBy(f => f.Slot).Select(g => new WordFeature(g.Key, g.Sum(f => f.Value)))];
    }

    // The word marked at both ends, so a run that opens or closes a word ("<di", "in>") differs from one inside it.
    private static IEnumerable<int> LetterRuns(string word)
    {
        if (word == "#")
            yield break;
        var marked = $"<{word}>";
        for (var length = ShortestRun; length <= LongestRun; length++)
            for (var start = 0; start + length <= marked.Length; start++)
                yield return LanguageSlots + Slot("c", marked.Substring(start, length), "");
    }

    // Endings only, enough for "calls", "called" and "calling" to share a slot.
    private static string Stem(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    // FNV-1a: stable across processes and runtimes, as cached weights require.
    private static int Slot(string kind, string first, string second)
    {
        var hash = 2166136261;
        foreach (var part in (ReadOnlySpan<string>)[kind, first, "_", second])
            foreach (var c in part)
                hash = (hash ^ c) * 16777619;
        return (int)(hash % LanguageSlots);
    }

    [GeneratedRegex(@"[\p{L}\d]+")]
    private static partial Regex Word();
}
