using SalesCoachBot.Languages;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>
/// <c>understanding.yaml</c>: example messages for every intent, and for each reason a deal is lost; and the same in
/// each other language the bot speaks (<c>understanding.id.yaml</c>), with the same lost reasons and only known intents.
/// An intent a language has no examples of yet (one just added) is still read there, from the English examples.
/// </summary>
internal static class UnderstandingFile
{
    public const string Name = "understanding.yaml";

    public static UnderstandingContent Load(string directory, IReadOnlyCollection<string> known)
    {
        var english = LoadOne(YamlContentFile.Open(directory, Name), known, everyIntent: true);
        var translations = new Dictionary<Language, UnderstandingContent>();
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var translated = LoadOne(file, known, everyIntent: false);
            var missingReasons = english.LostReasons.Where(r => translated.LostReasons.All(t => t.Id != r.Id)).Select(r => r.Id).ToList();
            var unknownReasons = translated.LostReasons.Where(t => english.LostReasons.All(r => r.Id != t.Id)).Select(t => t.Id).ToList();
            if (missingReasons.Count > 0 || unknownReasons.Count > 0)
                throw file.Error(file.Root, $"the lost reasons must be those of {Name}: missing {YamlContentFile.Listed(missingReasons)}, unknown {YamlContentFile.Listed(unknownReasons)}");
            translations[language] = translated;
        }
        return new UnderstandingContent(Merge(english.Intents, translations.Values.Select(t => t.Intents)),
            Merge(english.LostReasons, translations.Values.Select(t => t.LostReasons))) { Translations = translations };
    }

    // Every language's examples under the English labels: one model reads every language.
    private static List<LabelledExamples> Merge(IReadOnlyList<LabelledExamples> english, IEnumerable<IReadOnlyList<LabelledExamples>> others)
    {
        var lists = others.ToList();
        return [.. english.Select(e => e with { Examples = [.. e.Examples, .. lists.SelectMany(l => l.Where(o => o.Id == e.Id).SelectMany(o => o.Examples))] })];
    }

    // Every registered intent needs examples, and every example's intent a registration.
    private static UnderstandingContent LoadOne(YamlContentFile file, IReadOnlyCollection<string> known, bool everyIntent)
    {
        var intents = ReadList(file, "intents", known);
        var missing = everyIntent ? known.Where(id => intents.All(i => i.Id != id)).ToList() : [];
        if (missing.Count > 0)
            throw file.Error(file.Root, $"no examples for intent(s): {string.Join(", ", missing)}");
        return new UnderstandingContent(intents, ReadList(file, "lostReasons", known: null));
    }

    private static List<LabelledExamples> ReadList(YamlContentFile file, string key, IReadOnlyCollection<string>? known)
    {
        var list = file.Required<YamlSequenceNode>(file.Root, key);
        var items = new List<LabelledExamples>();
        var owners = new ExampleOwners(file);
        foreach (var node in list)
        {
            var item = file.As<YamlMappingNode>(node, "a mapping with id, label and examples");
            var idNode = file.Required<YamlScalarNode>(item, "id");
            var id = idNode.Value ?? "";
            if (known is not null && !known.Contains(id))
                throw file.Error(idNode, $"unknown intent '{id}' (the intents are: {string.Join(", ", known)})");
            if (known is null && !ExampleOwners.IsId(id))
                throw file.Error(idNode, $"id '{id}' must be lowercase letters and hyphens");
            if (items.Any(i => i.Id == id))
                throw file.Error(idNode, $"'{id}' appears twice");
            var examples = file.Lines(item, "examples", atLeast: 3);
            owners.Claim(file.Required<YamlSequenceNode>(item, "examples"), id, examples);
            items.Add(new LabelledExamples(id, file.Text(item, "label"), examples));
        }
        return items;
    }
}
