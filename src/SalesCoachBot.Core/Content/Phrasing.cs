using System.Text.RegularExpressions;

namespace SalesCoachBot.Content;

/// <summary>Goal and check-in lines from <c>goals.yaml</c>; placeholders in braces are filled in by the bot.</summary>
public sealed partial record Phrasing(
    IReadOnlyList<string> GoalSuggestions,
    IReadOnlyList<string> GoalSet,
    IReadOnlyDictionary<Goals.GoalState, IReadOnlyList<string>> GoalProgress,
    IReadOnlyList<string> NoGoal,
    IReadOnlyDictionary<string, IReadOnlyList<string>> CheckIns)
{
    /// <summary>The lines in each other language (<c>goals.id.yaml</c>).</summary>
    public IReadOnlyDictionary<Languages.Language, Phrasing> Translations { get; init; } = new Dictionary<Languages.Language, Phrasing>();

    /// <summary>The lines as written in the language, the English ones where the language has none.</summary>
    public Phrasing In(Languages.Language language) => Translations.GetValueOrDefault(language, this);

    /// <summary>One of the lines, the same one for the same seed so a reply does not change on a retry.</summary>
    public static string Pick(IReadOnlyList<string> lines, int seed) => lines[(int)((uint)seed % (uint)lines.Count)];

    /// <summary>
    /// The line with its placeholders filled in. A value is written mid-sentence ("close 2 deals this month"), so one that
    /// opens a sentence of the line gets its capital there.
    /// </summary>
    public static string Fill(string line, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? OpensSentence(line, m.Index) && value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value
            : m.Value);

    private static bool OpensSentence(string line, int index) => line[..index].TrimEnd() is var before && (before.Length == 0 || before[^1] is '.' or '!' or '?');

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
