using System.Net;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack's message formatting read back into what the person typed: links and e-mail addresses as
/// their text, channels as #name, special mentions dropped, &amp;lt; &amp;gt; &amp;amp; decoded. Mentions of
/// people stay as <c>&lt;@U…&gt;</c> for <see cref="SlackAdapter"/> to resolve; the bot's own is removed.
/// </summary>
public static partial class SlackText
{
    public static string Decode(string text, string? botUserId)
    {
        var decoded = Markup().Replace(text, match =>
        {
            var (target, label) = (match.Groups["target"].Value, match.Groups["label"].Success ? match.Groups["label"].Value : null);
            return target switch
            {
                ['@', .. var user] => user == botUserId ? "" : $"<@{user}>",
                ['#', .. var channel] => "#" + (label ?? channel),
                ['!', .. var special] when special.StartsWith("subteam^", StringComparison.Ordinal) || special.StartsWith("date^", StringComparison.Ordinal) => label ?? "",
                ['!', ..] => "",
                _ when target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => label ?? target["mailto:".Length..],
                _ => label ?? target,
            };
        });
        return WebUtility.HtmlDecode(Spaces().Replace(decoded, " ")).Trim();
    }

    /// <summary>The people mentioned (user ids), in order.</summary>
    public static IEnumerable<string> MentionedUsers(string decoded) => Mention().Matches(decoded).Select(m => m.Groups[1].Value);

    public static string ReplaceMentions(string decoded, Func<string, string> describe) => Mention().Replace(decoded, m => describe(m.Groups[1].Value));

    [GeneratedRegex(@"<(?<target>[^<>|]+)(\|(?<label>[^<>]*))?>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"<@([A-Z0-9]+)>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
