namespace SalesCoachBot.Content;

/// <summary>Goal and check-in lines from <c>goals.yaml</c>; placeholders in braces are filled in by the bot.</summary>
public sealed record Phrasing(
    IReadOnlyList<string> GoalSuggestions,
    IReadOnlyList<string> GoalSet,
    IReadOnlyDictionary<Goals.GoalState, IReadOnlyList<string>> GoalProgress,
    IReadOnlyList<string> NoGoal,
    IReadOnlyDictionary<string, IReadOnlyList<string>> CheckIns)
{
    /// <summary>One of the lines, the same one for the same seed so a reply does not change on a retry.</summary>
    public static string Pick(IReadOnlyList<string> lines, int seed) => lines[(int)((uint)seed % (uint)lines.Count)];

    public static string Fill(string line, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(line, (text, value) => text.Replace("{" + value.Key + "}", value.Value));
}
