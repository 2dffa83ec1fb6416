using SalesCoachBot.Channels.Slack;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("add <mailto:alice@example.com|alice@example.com> to my team", "add alice@example.com to my team")]
    [InlineData("new deal <http://acme.com|acme.com> $45,000", "new deal acme.com $45,000")]
    [InlineData("see <https://example.com/q?a=1&amp;b=2>", "see https://example.com/q?a=1&b=2")]
    [InlineData("<!here> digest in <#C0SALES|sales> pls", "digest in #sales pls")]
    [InlineData("<@U0BOT> my deals", "my deals")]
    [InlineData("<@U0BOT|salescoach> add <@U0BOB> to my team", "add <@U0BOB> to my team")]
    [InlineData("Acme &lt;EMEA&gt; &amp; Co: called them", "Acme <EMEA> & Co: called them")]
    [InlineData("call <!date^1772442000^{date_short}|Mar 2> went well", "call Mar 2 went well")]
    [InlineData("ping <!subteam^S0SALES|@sales-leads>", "ping @sales-leads")]
    public void FormattingIsReadBackAsTyped(string slack, string typed) =>
        Assert.Equal(typed, SlackText.Decode(slack, botUserId: "U0BOT"));

    [Fact]
    public void MentionedColleaguesAreListedAndCanBeNamed()
    {
        var text = SlackText.Decode("add <@U0BOB> and <@U0CAROL|carol> to my team", "U0BOT");

        Assert.Equal(["U0BOB", "U0CAROL"], SlackText.MentionedUsers(text));
        Assert.Equal("add bob@example.com and U0CAROL to my team", SlackText.ReplaceMentions(text, id => id == "U0BOB" ? "bob@example.com" : id));
    }
}
