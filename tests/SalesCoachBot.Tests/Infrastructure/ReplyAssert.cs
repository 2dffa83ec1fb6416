using Microsoft.Bot.Schema;

namespace SalesCoachBot.Tests.Infrastructure;

public static class ReplyAssert
{
    /// <summary>The reply's text contains every part.</summary>
    public static Action<IActivity> Contains(params string[] parts) => activity =>
    {
        var text = ((IMessageActivity)activity).Text;
        foreach (var part in parts)
            Assert.True(text.Contains(part, StringComparison.Ordinal), $"\"{part}\" is not in the reply:\n{text}");
    };

    /// <summary>The reply's first line is <paramref name="line"/> and its text contains every part.</summary>
    public static Action<IActivity> StartsWith(string line, params string[] parts) => activity =>
    {
        Assert.Equal(line, ((IMessageActivity)activity).Text.Split('\n')[0]);
        Contains(parts)(activity);
    };

    public static Action<IActivity> DoesNotContain(string part) => activity =>
        Assert.DoesNotContain(part, ((IMessageActivity)activity).Text);
}
