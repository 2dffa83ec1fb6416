using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Checks on a reply as plain text (title, text, facts, notes, numbered buttons).</summary>
public static class ReplyAssert
{
    /// <summary>The reply's text contains every part.</summary>
    public static Action<Reply> Contains(params string[] parts) => reply =>
    {
        var text = ReplyText.Render(reply);
        foreach (var part in parts)
            Assert.True(text.Contains(part, StringComparison.Ordinal), $"\"{part}\" is not in the reply:\n{text}");
    };

    /// <summary>The reply's first line is <paramref name="line"/> and its text contains every part.</summary>
    public static Action<Reply> StartsWith(string line, params string[] parts) => reply =>
    {
        Assert.Equal(line, ReplyText.Render(reply).Split('\n')[0]);
        Contains(parts)(reply);
    };

    public static Action<Reply> DoesNotContain(string part) => reply =>
        Assert.DoesNotContain(part, ReplyText.Render(reply));
}
