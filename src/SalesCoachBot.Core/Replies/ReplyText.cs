using System.Text;

namespace SalesCoachBot.Replies;

/// <summary>A reply as plain text, for the terminal and any client without rich messages; buttons become numbered choices.</summary>
public static class ReplyText
{
    public static string Render(Reply reply)
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
