using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>Refuses an example sentence given under two labels: the model could not learn both.</summary>
internal sealed partial class ExampleOwners(YamlContentFile file)
{
    private readonly Dictionary<string, string> owners = [];

    public static bool IsId(string id) => Id().IsMatch(id);

    public void Claim(YamlSequenceNode node, string owner, IEnumerable<string> examples)
    {
        foreach (var example in examples)
        {
            var key = Whitespace().Replace(example.ToLowerInvariant(), " ").Trim();
            if (owners.TryGetValue(key, out var other))
                throw file.Error(node, other == owner
                    ? $"example \"{example}\" is listed twice under '{owner}'"
                    : $"example \"{example}\" is given for both '{other}' and '{owner}'");
            owners[key] = owner;
        }
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Id();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
