using System.Text.RegularExpressions;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>
/// <c>replies.yaml</c> and its other languages (<c>replies.id.yaml</c>): every key the code says, in every language,
/// with the same placeholders.
/// </summary>
internal static partial class RepliesFile
{
    public const string Name = "replies.yaml";

    public static ReplyCatalog Load(string directory)
    {
        var english = LoadOne(YamlContentFile.Open(directory, Name), out var englishFile);
        var missing = ReplyKeys.All.Where(k => !english.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw englishFile.Error(englishFile.Root, $"no text for: {string.Join(", ", missing)}");
        var texts = new Dictionary<Language, IReadOnlyDictionary<string, string>> { [Language.English] = english };
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var translated = LoadOne(file, out _);
            var lacking = english.Keys.Where(k => !translated.ContainsKey(k)).ToList();
            var unknown = translated.Keys.Where(k => !english.ContainsKey(k)).ToList();
            if (lacking.Count > 0 || unknown.Count > 0)
                throw file.Error(file.Root, $"the keys must be those of {Name}: missing {YamlContentFile.Listed(lacking)}, unknown {YamlContentFile.Listed(unknown)}");
            if (translated.FirstOrDefault(t => !Placeholders(t.Value).SetEquals(Placeholders(english[t.Key]))) is { Key: not null } differs)
                throw file.Error(file.Root, $"'{differs.Key}' must have the placeholders of {Name}: {string.Join(", ", Placeholders(english[differs.Key]).Select(p => "{" + p + "}"))}");
            texts[language] = translated;
        }
        return new ReplyCatalog(texts);
    }

    private static Dictionary<string, string> LoadOne(YamlContentFile file, out YamlContentFile opened)
    {
        opened = file;
        var map = file.Required<YamlMappingNode>(file.Root, "replies");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = file.As<YamlScalarNode>(key, "a reply key").Value ?? "";
            var text = file.As<YamlScalarNode>(value, "a line of text").Value?.Trim();
            texts[name] = string.IsNullOrEmpty(text) ? throw file.Error(value, $"'{name}' must not be empty") : text;
        }
        return texts;
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
