using SalesCoachBot.Deals;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>Reads and checks the files in the content directory; any problem stops start-up with its place.</summary>
public static class SalesContentLoader
{
    public const string StagesFile = "stages.yaml";

    public static SalesContent Load(string directory)
    {
        var path = Path.Combine(directory, StagesFile);
        if (!File.Exists(path))
            throw new ContentException(path, 0, "file not found (set Content:Directory to the folder that holds the sales content)");
        return new SalesContent(LoadStages(path));
    }

    private static Dictionary<DealStage, StageGuide> LoadStages(string path)
    {
        var root = ReadRoot(path);
        var list = Required<YamlSequenceNode>(path, root, "stages");
        var guides = new Dictionary<DealStage, StageGuide>();
        foreach (var node in list)
        {
            var item = As<YamlMappingNode>(path, node, "a stage (a mapping with stage, goal, …)");
            var stageNode = Required<YamlScalarNode>(path, item, "stage");
            if (!StageNames.TryParse(stageNode.Value ?? "", out var stage) || stage.IsClosed())
                throw new ContentException(path, stageNode.Start.Line, $"'{stageNode.Value}' is not one of the seven stages ({string.Join(", ", StageNames.All.Where(s => !s.IsClosed()).Select(s => s.DisplayName()))})");
            if (guides.ContainsKey(stage))
                throw new ContentException(path, stageNode.Start.Line, $"stage '{stage.DisplayName()}' appears twice");

            var days = Required<YamlScalarNode>(path, item, "stallAfterDays");
            if (!int.TryParse(days.Value, out var stallAfterDays) || stallAfterDays is < 1 or > 365)
                throw new ContentException(path, days.Start.Line, $"stallAfterDays must be a whole number of days from 1 to 365, not '{days.Value}'");

            guides[stage] = new StageGuide(
                stage,
                Text(path, item, "goal"),
                Lines(path, item, "exitCriteria"),
                Text(path, item, "nextBestAction"),
                Lines(path, item, "tips"),
                stallAfterDays);
        }

        var missing = StageNames.All.Where(s => !s.IsClosed() && !guides.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new ContentException(path, list.Start.Line, $"missing stage(s): {string.Join(", ", missing.Select(s => s.DisplayName()))}");
        return guides;
    }

    private static YamlMappingNode ReadRoot(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ContentException(path, e.Start.Line, e.InnerException?.Message ?? e.Message);
        }
        if (stream.Documents.Count == 0)
            throw new ContentException(path, 0, "the file is empty");
        return As<YamlMappingNode>(path, stream.Documents[0].RootNode, "a mapping at the top");
    }

    private static string Text(string path, YamlMappingNode item, string key)
    {
        var node = Required<YamlScalarNode>(path, item, key);
        return string.IsNullOrWhiteSpace(node.Value)
            ? throw new ContentException(path, node.Start.Line, $"'{key}' must not be empty")
            : node.Value.Trim();
    }

    private static IReadOnlyList<string> Lines(string path, YamlMappingNode item, string key)
    {
        var list = Required<YamlSequenceNode>(path, item, key);
        var lines = list.Select(n => As<YamlScalarNode>(path, n, $"a line of text in '{key}'").Value?.Trim() ?? "").ToList();
        return lines.Count == 0 || lines.Any(string.IsNullOrEmpty)
            ? throw new ContentException(path, list.Start.Line, $"'{key}' needs at least one line, and no empty ones")
            : lines;
    }

    private static T Required<T>(string path, YamlMappingNode map, string key) where T : YamlNode =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? As<T>(path, node, KindOf<T>() + $" for '{key}'")
            : throw new ContentException(path, map.Start.Line, $"'{key}' is missing");

    private static T As<T>(string path, YamlNode node, string expected) where T : YamlNode =>
        node as T ?? throw new ContentException(path, node.Start.Line, $"expected {expected}");

    private static string KindOf<T>() => typeof(T) == typeof(YamlSequenceNode) ? "a list" : typeof(T) == typeof(YamlMappingNode) ? "a mapping" : "a value";
}
