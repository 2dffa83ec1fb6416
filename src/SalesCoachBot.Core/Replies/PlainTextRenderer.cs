using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SalesCoachBot.Replies;

/// <summary>Renders a reply as text for the terminal and any channel without rich cards; buttons become numbered choices.</summary>
public sealed class PlainTextRenderer : IReplyRenderer
{
    public IMessageActivity Render(Reply reply) => MessageFactory.Text(ToText(reply));

    public static string ToText(Reply reply)
    {
        var text = new StringBuilder();
        if (reply.Title is not null)
            text.AppendLine(reply.Title);
        text.AppendLine(reply.Text);
        foreach (var fact in reply.Facts)
            text.AppendLine($"  • {fact.Label}: {fact.Value}");
        foreach (var note in reply.Notes)
            text.AppendLine(note);
        if (reply.Buttons.Count > 0)
            text.AppendLine(string.Join("  ", reply.Buttons.Select((b, i) => $"[{i + 1}] {b.Title}")));
        return text.ToString().TrimEnd();
    }
}
