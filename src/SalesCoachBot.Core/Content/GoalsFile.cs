using System.Text.RegularExpressions;
using SalesCoachBot.Goals;
using SalesCoachBot.Languages;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary><c>goals.yaml</c>: goal suggestions, progress lines and weekly check-in lines.</summary>
internal static partial class GoalsFile
{
    public const string Name = "goals.yaml";

    private static readonly string[] CheckInKinds = ["goodWeek", "steadyWeek", "roughWeek", "motivation"];
    private static readonly string[] ProgressPlaceholders = ["goal", "done", "target", "left", "daysLeft"];

    private static string YamlName(GoalState state) => char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..];

    /// <summary>The lines of <c>goals.yaml</c>, with those of each other language (<c>goals.id.yaml</c>), which must have the same keys.</summary>
    public static Phrasing Load(string directory)
    {
        var english = LoadOne(YamlContentFile.Open(directory, Name), out var englishFile);
        var translations = new Dictionary<Language, Phrasing>();
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var lacking = Keys(englishFile.Root).Except(Keys(file.Root)).ToList();
            var unknown = Keys(file.Root).Except(Keys(englishFile.Root)).ToList();
            if (lacking.Count > 0 || unknown.Count > 0)
                throw file.Error(file.Root, $"the keys must be those of {Name}: missing {YamlContentFile.Listed(lacking)}, unknown {YamlContentFile.Listed(unknown)}");
            var translated = LoadOne(file, out _);
            if (translated.GoalSuggestions.Count != english.GoalSuggestions.Count)
                throw file.Error(file.Root, $"goals.suggestions must list as many goals as {Name} ({english.GoalSuggestions.Count}), in its order: a button shows one and sends the other");
            translations[language] = translated;
        }
        return english with { Translations = translations };
    }

    // The keys of the file's mappings, as paths ("goals.progress.done"); lists are the lines, which a translation may word as it likes.
    private static IEnumerable<string> Keys(YamlMappingNode map, string prefix = "") =>
        map.Children.SelectMany(c => ((YamlScalarNode)c.Key).Value is var key && c.Value is YamlMappingNode inner
            ? Keys(inner, $"{prefix}{key}.")
            : [$"{prefix}{key}"]);

    private static Phrasing LoadOne(YamlContentFile file, out YamlContentFile opened)
    {
        opened = file;
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
