using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Where to reach someone in Slack unprompted: a user's direct messages, or a channel (in a thread, if given).</summary>
public sealed record SlackAddress(string TeamId, string ChannelId, string? UserId, bool Personal, string? ThreadTs = null)
{
    public string Write() => JsonSerializer.Serialize(this);

    /// <summary>Reads an address, including the Bot Framework conversation reference older versions stored.</summary>
    public static SlackAddress Read(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("A Slack address must be a JSON object.");
        if (node["conversation"] is JsonObject conversation)
            return new SlackAddress(Text(conversation, "tenantId") ?? "", Text(conversation, "id") ?? "", Text(node["user"], "id"),
                Text(conversation, "conversationType") == "personal");
        return node.Deserialize<SlackAddress>() ?? throw new InvalidOperationException("Empty Slack address.");
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
