using System.Text.Json.Nodes;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Activities in the JSON shape Microsoft Teams posts to a bot's messaging endpoint.</summary>
public static class TeamsActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string AliceAadObjectId = "6f7d6b4a-8a3c-4d3e-9c1b-2a6f0e1d5c11";
    public const string AliceTeamsUserId = "29:1pQ8rS7tU6vW5xY4zA3bC2dE1fG0hI9jK8lM7nO6pQ5rS4tU3vW2xY1zA0bC9dE8f";
    public const string BotId = "28:00000000-0000-0000-0000-000000000000";
    public const string PersonalConversationId = "a:1Vw3kY8zJb0mQ2r9TxLp4sH6uC5eA7dN0fG3hJ2kL1mZ";

    private static long lastId = 1772442000122;

    /// <summary>Each activity gets its own id, as Teams gives them; the same id twice is a repeated delivery.</summary>
    private static string NextId() => Interlocked.Increment(ref lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject PersonalMessage(string serviceUrl, string text, string aadObjectId = AliceAadObjectId, string conversationId = PersonalConversationId) => new()
    {
        ["text"] = text,
        ["textFormat"] = "plain",
        ["type"] = "message",
        ["timestamp"] = "2026-03-02T09:00:00.1234567Z",
        ["localTimestamp"] = "2026-03-02T10:00:00.1234567+01:00",
        ["id"] = NextId(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject
        {
            ["id"] = AliceTeamsUserId,
            ["name"] = "Alice Example",
            ["aadObjectId"] = aadObjectId,
        },
        ["conversation"] = new JsonObject
        {
            ["conversationType"] = "personal",
            ["tenantId"] = TenantId,
            ["id"] = conversationId,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SalesCoachBot" },
        ["entities"] = new JsonArray(new JsonObject
        {
            ["locale"] = "en-US",
            ["country"] = "US",
            ["platform"] = "Web",
            ["timezone"] = "Europe/Berlin",
            ["type"] = "clientInfo",
        }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
        ["localTimezone"] = "Europe/Berlin",
    };

    /// <summary>A message in a team channel that @mentions the bot, as Teams sends it.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string text)
    {
        var activity = PersonalMessage(serviceUrl, $"<at>SalesCoachBot</at> {text}", conversationId: "19:8f1b2c3d4e5f@thread.tacv2;messageid=1772442000000");
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SalesCoachBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "SalesCoachBot" },
        });
        activity["channelData"]!["teamsChannelId"] = "19:8f1b2c3d4e5f@thread.tacv2";
        activity["channelData"]!["teamsTeamId"] = "19:8f1b2c3d4e5f@thread.tacv2";
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:8f1b2c3d4e5f@thread.tacv2" };
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:8f1b2c3d4e5f@thread.tacv2" };
        return activity;
    }

    /// <summary>What Teams sends when a user installs the bot for personal chat: the bot is the member added.</summary>
    public static JsonObject PersonalInstall(string serviceUrl)
    {
        var activity = PersonalMessage(serviceUrl, "");
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    /// <summary>Someone else joining a team where the bot already is.</summary>
    public static JsonObject TeamMemberJoined(string serviceUrl)
    {
        var activity = ChannelMention(serviceUrl, "");
        activity.Remove("text");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else", ["aadObjectId"] = "0d9f0a7e-1111-2222-3333-444455556666" });
        return activity;
    }

    /// <summary>An Adaptive Card Action.Execute press carrying a message, as Teams sends it.</summary>
    public static JsonObject CardActionInvoke(string serviceUrl, string text)
    {
        var activity = PersonalMessage(serviceUrl, "");
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "message", ["data"] = new JsonObject { ["text"] = text } },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
