using System.Text.RegularExpressions;
using SalesCoachBot.Deals;
using SalesCoachBot.Objections;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary><c>objections.yaml</c>: the objection-handling playbook.</summary>
internal static partial class ObjectionsFile
{
    public const string Name = "objections.yaml";

    public static ObjectionPlaybook Load(string directory)
    {
        var file = YamlContentFile.Open(directory, Name);
        var list = file.Required<YamlSequenceNode>(file.Root, "objections");
        var categories = new List<ObjectionCategory>();
        var phraseOwners = new Dictionary<string, string>();
        foreach (var node in list)
        {
            var item = file.As<YamlMappingNode>(node, "an objection (a mapping with id, name, phrases, …)");
            var idNode = file.Required<YamlScalarNode>(item, "id");
            var id = idNode.Value ?? "";
            if (!Id().IsMatch(id))
                throw file.Error(idNode, $"id '{id}' must be lowercase letters and hyphens");
            if (categories.Any(c => c.Id == id))
                throw file.Error(idNode, $"id '{id}' appears twice");

            var phrases = file.Lines(item, "phrases").Select(p => p.ToLowerInvariant()).ToList();
            foreach (var phrase in phrases)
                if (!phraseOwners.TryAdd(phrase, id))
                    throw file.Error(file.Required<YamlSequenceNode>(item, "phrases"), $"phrase '{phrase}' is used by both '{phraseOwners[phrase]}' and '{id}'");

            categories.Add(new ObjectionCategory(id, file.Text(item, "name"), phrases, file.Text(item, "acknowledge"),
                file.Lines(item, "clarify"), file.Lines(item, "respond", atLeast: 2), file.Text(item, "confirm"), ReadByStage(file, item)));
        }
        if (categories.Count == 0)
            throw file.Error(list, "the playbook needs at least one objection");
        return new ObjectionPlaybook(categories);
    }

    private static Dictionary<DealStage, string> ReadByStage(YamlContentFile file, YamlMappingNode item)
    {
        var map = file.Required<YamlMappingNode>(item, "byStage");
        var advice = new Dictionary<DealStage, string>();
        foreach (var (key, value) in map.Children)
        {
            var stage = StagesFile.ReadStage(file, file.As<YamlScalarNode>(key, "a stage name"));
            var text = file.As<YamlScalarNode>(value, "a line of advice").Value?.Trim();
            advice[stage] = string.IsNullOrEmpty(text) ? throw file.Error(value, "advice must not be empty") : text;
        }
        return advice;
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Id();
}
