using System.Text.Json.Nodes;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Renders a reply as Slack Block Kit (header, section text, fields, context, buttons), with a plain
/// text fallback for notifications and clients without blocks.
/// </summary>
public static class BlockKitRenderer
{
    public const string ButtonActionPrefix = "coach_button_";
    private const int FieldsPerSection = 10;

    public static JsonArray Blocks(Reply reply)
    {
        var blocks = new JsonArray();
        if (reply.Title is not null)
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(Clip(reply.Title, 150)) });
        blocks.Add(Section(reply.Text));
        foreach (var chunk in reply.Facts.Chunk(FieldsPerSection))
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Markdown(Clip($"*{Escape(f.Label)}*\n{Escape(f.Value)}", 2000)))]),
            });
        if (reply.Notes.Count > 0)
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray([.. reply.Notes.Take(10).Select(n => (JsonNode)Markdown(Clip(Escape(n), 2000)))]) });
        if (reply.Buttons.Count > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray([.. reply.Buttons.Take(25).Select((b, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = ButtonActionPrefix + i,
                    ["text"] = PlainText(Clip(b.Title, 75)),
                    ["value"] = Clip(b.Message, 2000),
                })]),
            });
        return blocks;
    }

    /// <summary>What a notification or a client without blocks shows.</summary>
    public static string Fallback(Reply reply) => reply.Title is null ? reply.Text : $"{reply.Title}: {reply.Text}";

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Markdown(Clip(Escape(text), 3000)) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    // Slack reads &, < and > as markup in mrkdwn.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
