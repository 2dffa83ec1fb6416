using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary><c>understanding.yaml</c>: example messages for every intent, and for each reason a deal is lost.</summary>
internal static class UnderstandingFile
{
    public const string Name = "understanding.yaml";

    // Every registered intent needs examples, and every example's intent a registration.
    public static UnderstandingContent Load(string directory, IReadOnlyCollection<string> known)
    {
        var file = YamlContentFile.Open(directory, Name);
        var intents = ReadList(file, "intents", known);
        var missing = known.Where(id => intents.All(i => i.Id != id)).ToList();
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
