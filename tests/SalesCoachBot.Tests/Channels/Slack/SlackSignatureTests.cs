using System.Text;
using SalesCoachBot.Channels.Slack;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    // The worked example from Slack's "Verifying requests from Slack" guide.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void MatchesSlacksOwnExample() => Assert.Equal(Expected, SlackSignature.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void AcceptsOnlyRecentTimestamps(int secondsLater, bool valid) =>
        Assert.Equal(valid, SlackSignature.IsValid(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SentAt.AddSeconds(secondsLater)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    public void RefusesMissingOrWrongSignatures(string? signature) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, signature, Encoding.UTF8.GetBytes(Body), SentAt));

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public void RefusesTimestampsThatAreNotTimes(string timestamp) =>
        Assert.False(SlackSignature.IsValid(Secret, timestamp, Expected, Encoding.UTF8.GetBytes(Body), SentAt));
}
