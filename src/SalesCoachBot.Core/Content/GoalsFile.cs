using System.Text.RegularExpressions;
using SalesCoachBot.Goals;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary><c>goals.yaml</c>: goal suggestions, progress lines and weekly check-in lines.</summary>
internal static partial class GoalsFile
{
    public const string Name = "goals.yaml";

    private static readonly string[] CheckInKinds = ["goodWeek", "steadyWeek", "roughWeek", "motivation"];
    private static readonly string[] ProgressPlaceholders = ["goal", "done", "target", "left", "daysLeft"];

    private static string YamlName(GoalState state) => char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..];

    public static Phrasing Load(string directory)
    {
        var file = YamlContentFile.Open(directory, Name);
        var goals = file.Required<YamlMappingNode>(file.Root, "goals");
        var progressNode = file.Required<YamlMappingNode>(goals, "progress");
        var checkInsNode = file.Required<YamlMappingNode>(file.Root, "checkIns");

        var progress = Enum.GetValues<GoalState>().ToDictionary(s => s, s => Checked(file, progressNode, YamlName(s), ProgressPlaceholders));
        var checkIns = CheckInKinds.ToDictionary(k => k, k => Checked(file, checkInsNode, k, k == "goodWeek" ? ["wins"] : []));
        return new Phrasing(
            Checked(file, goals, "suggestions", []),
            Checked(file, goals, "set", ["goal"]),
            progress,
            Checked(file, goals, "noGoal", []),
            checkIns);
    }

    private static IReadOnlyList<string> Checked(YamlContentFile file, YamlMappingNode map, string key, string[] allowed)
    {
        var lines = file.Lines(map, key);
        foreach (var node in file.Required<YamlSequenceNode>(map, key))
            foreach (Match placeholder in Placeholder().Matches(((YamlScalarNode)node).Value ?? ""))
                if (!allowed.Contains(placeholder.Groups[1].Value))
                    throw file.Error(node,
                        $"'{key}' uses {{{placeholder.Groups[1].Value}}}; it may use only {(allowed.Length == 0 ? "no placeholders" : string.Join(", ", allowed.Select(a => "{" + a + "}")))}");
        return lines;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
