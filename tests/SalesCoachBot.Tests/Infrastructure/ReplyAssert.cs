using Microsoft.Bot.Schema;

namespace SalesCoachBot.Tests.Infrastructure;

public static class ReplyAssert
{
    /// <summary>The reply's text contains every part.</summary>
    public static Action<IActivity> Contains(params string[] parts) => activity =>
    {
        var text = ((IMessageActivity)activity).Text;
        foreach (var part in parts)
            Assert.Contains(part, text);
    };

    public static Action<IActivity> DoesNotContain(string part) => activity =>
        Assert.DoesNotContain(part, ((IMessageActivity)activity).Text);
}
