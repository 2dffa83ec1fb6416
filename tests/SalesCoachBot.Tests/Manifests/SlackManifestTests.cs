using SalesCoachBot.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Tests.Manifests;

public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void AsksForTheBotScopesTheBotUsesAndNoMore()
    {
        var scopes = Sequence(Manifest, "oauth_config", "scopes", "bot");
        Assert.Equal(["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email"], scopes);
    }

    [Fact]
    public void SubscribesToDirectMessagesAndMentionsAndPointsAtTheBotsEndpoints()
    {
        Assert.Equal(["app_mention", "message.im"], Sequence(Manifest, "settings", "event_subscriptions", "bot_events"));
        Assert.Equal("https://YOUR-HOST/api/slack/events", Scalar(Manifest, "settings", "event_subscriptions", "request_url"));
        Assert.Equal("https://YOUR-HOST/api/slack/interactions", Scalar(Manifest, "settings", "interactivity", "request_url"));
        var command = (YamlMappingNode)((YamlSequenceNode)Node(Manifest, "features", "slash_commands"))[0];
        Assert.Equal(("/coach", "https://YOUR-HOST/api/slack/commands"), (Scalar(command, "command"), Scalar(command, "url")));
        Assert.Equal("true", Scalar(Manifest, "features", "bot_user", "always_online"));
    }

    [Fact]
    public void TheReadmeExplainsTheHostPlaceholderAndWhereTheTokensGo()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        foreach (var expected in new[] { "manifests/slack/manifest.yaml", "YOUR-HOST", "Slack__SigningSecret", "Slack__BotToken", "Slack__AppToken" })
            Assert.Contains(expected, readme);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryRoot.File("manifests", "slack", "manifest.yaml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlMappingNode map, params string[] path) =>
        path.Aggregate((YamlNode)map, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlMappingNode map, params string[] path) => ((YamlScalarNode)Node(map, path)).Value;

    private static IEnumerable<string?> Sequence(YamlMappingNode map, params string[] path) =>
        ((YamlSequenceNode)Node(map, path)).Select(n => ((YamlScalarNode)n).Value);
}
