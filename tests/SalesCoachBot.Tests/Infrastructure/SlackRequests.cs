using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SalesCoachBot.Channels.Slack;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Requests as Slack sends them: the exact payload shapes, signed with the signing secret.</summary>
public static class SlackRequests
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string TeamId = "T0001";
    public const string BotUserId = "U0BOT";

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset at, string secret = SigningSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(secret, timestamp, bytes));
        return request;
    }

    public static HttpRequestMessage Event(JsonObject payload, DateTimeOffset at) =>
        Signed("/api/slack/events", payload.ToJsonString(), "application/json", at);

    public static JsonObject UrlVerification(string challenge) => new()
    {
        ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        ["challenge"] = challenge,
        ["type"] = "url_verification",
    };

    public static JsonObject DirectMessage(string eventId, string user, string text, string channel = "D0ALICE") =>
        Callback(eventId, new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1772442000.000100",
            ["event_ts"] = "1772442000.000100",
            ["channel_type"] = "im",
            ["client_msg_id"] = Guid.NewGuid().ToString(),
        });

    public static JsonObject AppMention(string eventId, string user, string text, string channel = "C0SALES") =>
        Callback(eventId, new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = $"<@{BotUserId}> {text}",
            ["ts"] = "1772442000.000200",
            ["channel"] = channel,
            ["event_ts"] = "1772442000.000200",
        });

    public static JsonObject Callback(string eventId, JsonObject e) => new()
    {
        ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0SALESCOACH",
        ["event"] = e,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1772442000,
        ["authorizations"] = new JsonArray(new JsonObject { ["enterprise_id"] = null, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false }),
        ["is_ext_shared_channel"] = false,
    };

    public static HttpRequestMessage SlashCommand(string user, string text, string responseUrl, DateTimeOffset at, string channel = "C0SALES", bool withTriggerId = true) =>
        Signed("/api/slack/commands", Form(SlashCommandFields(user, text, responseUrl, channel, withTriggerId)), "application/x-www-form-urlencoded", at);

    public static Dictionary<string, string> SlashCommandFields(string user, string text, string responseUrl, string channel = "C0SALES", bool withTriggerId = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["team_id"] = TeamId,
            ["team_domain"] = "example",
            ["channel_id"] = channel,
            ["channel_name"] = "sales",
            ["user_id"] = user,
            ["user_name"] = "alice",
            ["command"] = "/coach",
            ["text"] = text,
            ["api_app_id"] = "A0SALESCOACH",
            ["response_url"] = responseUrl,
        };
        if (withTriggerId)
            fields["trigger_id"] = $"13345224609.738474920.{Guid.NewGuid():N}";
        return fields;
    }

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public static HttpRequestMessage ButtonPress(string user, string channel, int buttonIndex, string value, string responseUrl, DateTimeOffset at, bool ephemeral = false) =>
        Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(BlockActions(user, channel, buttonIndex, value, responseUrl, ephemeral).ToJsonString()), "application/x-www-form-urlencoded", at);

    public static JsonObject BlockActions(string user, string channel, int buttonIndex, string value, string responseUrl, bool ephemeral = false) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "alice", ["team_id"] = TeamId },
        ["api_app_id"] = "A0SALESCOACH",
        ["token"] = "9s8d9as89d8as9d8as989",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1772442000.000300", ["channel_id"] = channel, ["is_ephemeral"] = ephemeral },
        ["trigger_id"] = $"12321423423.333649436676.{Guid.NewGuid():N}",
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "example" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = "1772442000.000300", ["bot_id"] = "B0BOT", ["text"] = "Log this call?" },
        ["response_url"] = responseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = $"coach_button_{buttonIndex}",
            ["block_id"] = "x8Yz",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value, ["emoji"] = true },
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1772442001.000400",
        }),
    };
}
