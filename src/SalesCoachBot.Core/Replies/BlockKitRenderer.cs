using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Replies;

/// <summary>
/// Renders a reply as Slack Block Kit (header, section text, fields, context, buttons), carried in the
/// activity's channel data as <c>blocks</c>; the text is the fallback notifications show.
/// </summary>
public sealed class BlockKitRenderer : IReplyRenderer
{
    public const string ButtonActionPrefix = "coach_button_";
    private const int FieldsPerSection = 10;

    public IMessageActivity Render(Reply reply)
    {
        var message = MessageFactory.Text(Fallback(reply));
        message.ChannelData = new JObject { ["blocks"] = Blocks(reply) };
        return message;
    }

    public static JArray Blocks(Reply reply)
    {
        var blocks = new JArray();
        if (reply.Title is not null)
            blocks.Add(new JObject { ["type"] = "header", ["text"] = PlainText(Clip(reply.Title, 150)) });
        blocks.Add(Section(reply.Text));
        foreach (var chunk in reply.Facts.Chunk(FieldsPerSection))
            blocks.Add(new JObject
            {
                ["type"] = "section",
                ["fields"] = new JArray(chunk.Select(f => Markdown(Clip($"*{Escape(f.Label)}*\n{Escape(f.Value)}", 2000)))),
            });
        if (reply.Notes.Count > 0)
            blocks.Add(new JObject { ["type"] = "context", ["elements"] = new JArray(reply.Notes.Take(10).Select(n => Markdown(Clip(Escape(n), 2000)))) });
        if (reply.Buttons.Count > 0)
            blocks.Add(new JObject
            {
                ["type"] = "actions",
                ["elements"] = new JArray(reply.Buttons.Take(25).Select((b, i) => new JObject
                {
                    ["type"] = "button",
                    ["action_id"] = ButtonActionPrefix + i,
                    ["text"] = PlainText(Clip(b.Title, 75)),
                    ["value"] = Clip(b.Message, 2000),
                })),
            });
        return blocks;
    }

    /// <summary>What a notification or a client without blocks shows.</summary>
    public static string Fallback(Reply reply) => reply.Title is null ? reply.Text : $"{reply.Title}: {reply.Text}";

    private static JObject Section(string text) => new() { ["type"] = "section", ["text"] = Markdown(Clip(Escape(text), 3000)) };

    private static JObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    // Slack reads &, < and > as markup in mrkdwn.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
