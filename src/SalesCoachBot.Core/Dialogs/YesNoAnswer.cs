using System.Text.RegularExpressions;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// Reads a yes or a no in a rep's own words ("yep go ahead", "nah leave it"). An answer is one only when every
/// word in it is a word of agreeing, refusing or politeness; a message with any other word says something else
/// and is not taken for an answer. A refusal anywhere wins ("no, don't do it", "not now"): doing nothing is the
/// safe reading of a mixed answer.
/// </summary>
public static partial class YesNoAnswer
{
    private static readonly HashSet<string> Agreeing =
    [
        "y", "yes", "yeah", "yea", "ya", "yep", "yup", "sure", "ok", "okay", "k", "kk", "alright", "right", "correct", "confirm", "confirmed",
        "absolutely", "definitely", "certainly", "indeed", "affirmative", "fine", "good", "great", "perfect", "proceed", "go", "do", "move",
        "delete", "reopen", "agreed", "👍", "✅", "👌",
    ];

    private static readonly HashSet<string> Refusing =
    [
        "n", "no", "nope", "nah", "naw", "not", "don't", "dont", "never", "negative", "leave", "keep", "stay", "stays", "hold", "wait", "later",
        "👎", "❌", "🚫",
    ];

    // Words that soften or point without changing the answer: "yes please", "go ahead with it", "no thanks, not yet".
    private static readonly HashSet<string> Neutral =
    [
        "please", "pls", "plz", "thanks", "thank", "you", "thx", "it", "that", "this", "ahead", "anyway", "anyways", "now", "yet", "for",
        "thing", "sounds", "let's", "lets", "i", "think", "so", "oh", "ah", "um", "well", "just", "then", "as", "is", "be", "a", "all",
        "mate", "there", "where", "of", "course", "way", "really", "very", "totally", "quite",
    ];

    /// <summary>True for yes, false for no, null when the message is not (only) an answer.</summary>
    public static bool? Read(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value).ToList();
        if (words.Count == 0 || words.Any(w => !Agreeing.Contains(w) && !Refusing.Contains(w) && !Neutral.Contains(w)))
            return null;
        if (words.Any(Refusing.Contains))
            return false;
        return words.Any(Agreeing.Contains) ? true : null;
    }

    // Words, and the emoji people answer with; the punctuation between them is dropped.
    [GeneratedRegex(@"[\p{L}\p{N}']+|[\p{So}\u2705\u274C]")]
    private static partial Regex Word();
}
