using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Reads Slack's payloads (Events API, slash commands, block actions) into <see cref="SlackInbound"/>.</summary>
public static partial class SlackPayloads
{
    /// <summary>A DM or an @mention from a person; null for anything the bot must not answer (its own or another bot's messages, edits, deletions, joins …).</summary>
    public static SlackInbound? FromEventCallback(JsonObject callback)
    {
        if (callback["event"] is not JsonObject e)
            throw new FormatException("an event callback without an event object");
        var type = Text(e, "type");
        var isDirect = type == "message" && Text(e, "channel_type") == "im";
        if (!isDirect && type != "app_mention" || Text(e, "user") is not { } user || e["bot_id"] is not null || Text(e, "subtype") is { } subtype && !AnsweredSubtypes.Contains(subtype))
            return null;
        var botUser = callback["authorizations"]?.AsArray().FirstOrDefault()?["user_id"]?.GetValue<string>();
        if (user == botUser)
            return null;

        var team = Text(callback, "team_id") ?? Text(e, "team") ?? "";
        var channel = Text(e, "channel") ?? "";
        var text = SlackText.Decode(Text(e, "text") ?? "", botUser ?? LeadingMention(type, Text(e, "text")));
        var inbound = new SlackInbound(Text(callback, "event_id") ?? $"{channel}:{Text(e, "ts")}", team, user, channel, text)
        {
            Files = e["files"] is JsonArray files ? [.. files.Select(f => Text(f, "name") ?? Text(f, "title") ?? "file")] : [],
        };
        // In a DM, a message in a thread is answered in that thread; an @mention always gets a thread.
        return isDirect
            ? inbound with { ThreadTs = Text(e, "thread_ts") }
            : inbound with { ConversationType = "channel", ThreadTs = Text(e, "thread_ts") ?? Text(e, "ts") };
    }

    // A message with a file is still a message; edits, deletions, joins and the like are not the rep talking.
    private static readonly HashSet<string> AnsweredSubtypes = ["file_share", "thread_broadcast"];

    // Without the bot's user id, the mention an app_mention starts with is the bot's.
    private static string? LeadingMention(string? type, string? text) =>
        type == "app_mention" && text is not null && LeadingUser().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// A slash command ("/coach pipeline"), as form fields or as a Socket Mode payload. Without a trigger_id,
    /// <paramref name="requestId"/> (the same for a retry of the same request) tells one delivery from another.
    /// </summary>
    public static SlackInbound FromCommand(IReadOnlyDictionary<string, string> form, string requestId)
    {
        string Field(string name) => form.TryGetValue(name, out var value) ? value : "";
        var channel = Field("channel_id");
        return new SlackInbound(Field("trigger_id") is { Length: > 0 } trigger ? $"command:{trigger}" : $"command:request:{requestId}", Field("team_id"), Field("user_id"), channel, SlackText.Decode(Field("text"), botUserId: null))
        {
            ConversationType = channel.StartsWith('D') ? "personal" : "channel",
            ResponseUrl = Field("response_url") is { Length: > 0 } url ? url : null,
        };
    }

    /// <summary>A press of one of our buttons: its value is the message it stands for.</summary>
    public static SlackInbound? FromInteraction(JsonObject payload)
    {
        if (Text(payload, "type") != "block_actions" || payload["actions"]?.AsArray().FirstOrDefault() is not JsonObject action ||
            Text(action, "action_id")?.StartsWith(BlockKitRenderer.ButtonActionPrefix, StringComparison.Ordinal) != true)
            return null;
        var user = Text(payload["user"], "id") ?? "";
        var channel = Text(payload["channel"], "id") ?? Text(payload["container"], "channel_id") ?? "";
        var ephemeral = payload["container"]?["is_ephemeral"]?.GetValue<bool>() == true;
        return new SlackInbound($"action:{Text(payload, "trigger_id") ?? Text(action, "action_ts")}", Text(payload["team"], "id") ?? "", user, channel, Text(action, "value") ?? "")
        {
            ConversationType = channel.StartsWith('D') ? "personal" : "channel",
            ThreadTs = Text(payload["message"], "thread_ts"),
            ResponseUrl = ephemeral ? Text(payload, "response_url") : null,
        };
    }


    /// <summary>The string field, null when absent; a field of another type is a malformed payload.</summary>
    private static string? Text(JsonNode? node, string name) => node?[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw new FormatException($"\"{name}\" is {other.GetValueKind()}, not a string"),
    };

    [GeneratedRegex(@"^\s*<@([A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex LeadingUser();
}
