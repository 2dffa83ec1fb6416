using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Objections;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>
/// <c>objections.yaml</c>: the objection-handling playbook; and the same playbook in each other language the bot speaks
/// (<c>objections.id.yaml</c>), which must have the same categories.
/// </summary>
internal static class ObjectionsFile
{
    public const string Name = "objections.yaml";

    public static ObjectionPlaybook Load(string directory)
    {
        var english = LoadOne(YamlContentFile.Open(directory, Name));
        var translations = new Dictionary<Language, List<ObjectionCategory>>();
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var translated = LoadOne(file);
            var missing = english.Where(e => translated.All(t => t.Id != e.Id)).Select(e => e.Id).ToList();
            var unknown = translated.Where(t => english.All(e => e.Id != t.Id)).Select(t => t.Id).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
                throw file.Error(file.Root, $"the objections must be those of {Name}: missing {YamlContentFile.Listed(missing)}, unknown {YamlContentFile.Listed(unknown)}");
            translations[language] = translated;
        }
        return new ObjectionPlaybook([.. english.Select(e => e with
        {
            Examples = [.. e.Examples, .. translations.Values.SelectMany(t => t.Single(c => c.Id == e.Id).Examples)],
            Translations = translations.ToDictionary(t => t.Key, t => t.Value.Single(c => c.Id == e.Id)),
        })]);
    }

    private static List<ObjectionCategory> LoadOne(YamlContentFile file)
    {
        var list = file.Required<YamlSequenceNode>(file.Root, "objections");
        var categories = new List<ObjectionCategory>();
        var owners = new ExampleOwners(file);
        foreach (var node in list)
        {
            var item = file.As<YamlMappingNode>(node, "an objection (a mapping with id, name, phrases, …)");
            var idNode = file.Required<YamlScalarNode>(item, "id");
            var id = idNode.Value ?? "";
            if (!ExampleOwners.IsId(id))
                throw file.Error(idNode, $"id '{id}' must be lowercase letters and hyphens");
            if (categories.Any(c => c.Id == id))
                throw file.Error(idNode, $"id '{id}' appears twice");

            var examples = file.Lines(item, "examples", atLeast: 3);
            owners.Claim(file.Required<YamlSequenceNode>(item, "examples"), id, examples);

            categories.Add(new ObjectionCategory(id, file.Text(item, "name"), examples, file.Text(item, "acknowledge"),
                file.Lines(item, "clarify"), file.Lines(item, "respond", atLeast: 2), file.Text(item, "confirm"), ReadByStage(file, item)));
        }
        if (categories.Count == 0)
            throw file.Error(list, "the playbook needs at least one objection");
        return categories;
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
}
