using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Reads Slack's payloads (Events API, slash commands, block actions) into <see cref="SlackInbound"/>.</summary>
public static partial class SlackPayloads
{
    /// <summary>A DM or an @mention from a person; null for anything the bot must not answer (its own or another bot's messages, edits, deletions, joins …).</summary>
    public static SlackInbound? FromEventCallback(JsonObject callback)
    {
        if (callback["event"] is not JsonObject e || Text(e, "user") is not { } user || e["bot_id"] is not null || e["subtype"] is not null)
            return null;
        var botUser = callback["authorizations"]?.AsArray().FirstOrDefault()?["user_id"]?.GetValue<string>();
        if (user == botUser)
            return null;
        var type = Text(e, "type");
        var isDirect = type == "message" && Text(e, "channel_type") == "im";
        if (!isDirect && type != "app_mention")
            return null;

        var team = Text(callback, "team_id") ?? Text(e, "team") ?? "";
        var channel = Text(e, "channel") ?? "";
        var inbound = new SlackInbound(Text(callback, "event_id") ?? $"{channel}:{Text(e, "ts")}", team, user, channel, Clean(Text(e, "text") ?? ""));
        return isDirect
            ? inbound
            : inbound with { ConversationType = "channel", ThreadTs = Text(e, "thread_ts") ?? Text(e, "ts") };
    }

    /// <summary>A slash command ("/coach pipeline"), as form fields or as a Socket Mode payload.</summary>
    public static SlackInbound FromCommand(IReadOnlyDictionary<string, string> form)
    {
        string Field(string name) => form.TryGetValue(name, out var value) ? value : "";
        var channel = Field("channel_id");
        return new SlackInbound($"command:{Field("trigger_id")}", Field("team_id"), Field("user_id"), channel, Clean(Field("text")))
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

    // "<@U123> my deals" → "my deals"; Slack escapes &, < and > in message text.
    private static string Clean(string text) => WebUtility.HtmlDecode(Mention().Replace(text, "")).Trim();

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();
}
