using SalesCoachBot.Languages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>Reads one YAML content file and reports any problem with the file's name and line.</summary>
internal sealed class YamlContentFile
{
    private YamlContentFile(string path, YamlMappingNode root) => (Path, Root) = (path, root);

    public string Path { get; }
    public YamlMappingNode Root { get; }

    public static YamlContentFile Open(string directory, string name)
    {
        var path = System.IO.Path.Combine(directory, name);
        if (!File.Exists(path))
            throw new ContentException(path, 0, "file not found (set Content:Directory to the folder that holds the sales content)");
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
        var file = new YamlContentFile(path, null!);
        return new YamlContentFile(path, file.As<YamlMappingNode>(stream.Documents[0].RootNode, "a mapping at the top"));
    }

    /// <summary>The file in each other language the directory has (<c>stages.id.yaml</c>), opened.</summary>
    public static IEnumerable<(Language Language, YamlContentFile File)> Translations(string directory, string name) =>
        LanguageCodes.All.Where(l => l != Language.English && File.Exists(System.IO.Path.Combine(directory, l.ContentFile(name))))
            .Select(l => (l, Open(directory, l.ContentFile(name))));

    /// <summary>"none", or the ids or keys listed: for a translation's missing and unknown ones.</summary>
    public static string Listed(IReadOnlyCollection<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);

    public ContentException Error(YamlNode node, string problem) => new(Path, node.Start.Line, problem);

    public string Text(YamlMappingNode item, string key)
    {
        var node = Required<YamlScalarNode>(item, key);
        return string.IsNullOrWhiteSpace(node.Value) ? throw Error(node, $"'{key}' must not be empty") : node.Value.Trim();
    }

    public IReadOnlyList<string> Lines(YamlMappingNode item, string key, int atLeast = 1)
    {
        var list = Required<YamlSequenceNode>(item, key);
        var lines = list.Select(n => As<YamlScalarNode>(n, $"a line of text in '{key}' (quote a line that contains \": \")").Value?.Trim() ?? "").ToList();
        return lines.Count < atLeast || lines.Any(string.IsNullOrEmpty)
            ? throw Error(list, $"'{key}' needs at least {atLeast} line(s), and no empty ones")
            : lines;
    }

    public T Required<T>(YamlMappingNode map, string key) where T : YamlNode =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? As<T>(node, KindOf<T>() + $" for '{key}'")
            : throw Error(map, $"'{key}' is missing");

    public T As<T>(YamlNode node, string expected) where T : YamlNode =>
        node as T ?? throw Error(node, $"expected {expected}");

    private static string KindOf<T>() =>
        typeof(T) == typeof(YamlSequenceNode) ? "a list" : typeof(T) == typeof(YamlMappingNode) ? "a mapping" : "a value";
}
