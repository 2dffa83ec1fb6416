using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SalesCoachBot.Conversations;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>A card submit or entity of the wrong shape is refused at the door (400) or answered as what it says, never with the apology for a failed turn.</summary>
public sealed class TeamsMalformedShapeTests : TeamsHostTest
{
    public static TheoryData<string> WrongValues => ["[1,2]", "42", "\"text\"", "true"];

    public static TheoryData<string> WrongEntities =>
    [
        "[1]",
        "[\"mention\"]",
        "[null]",
        "[{\"type\":\"mention\",\"mentioned\":\"bob\",\"text\":\"<at>Bob</at>\"}]",
        "[{\"type\":\"mention\",\"mentioned\":[],\"text\":5}]",
        "[{\"type\":\"mention\",\"mentioned\":{\"id\":[],\"name\":{}},\"text\":\"x\"}]",
        "[{\"type\":[],\"locale\":5}]",
        "[{\"type\":\"clientInfo\",\"timezone\":[]}]",
    ];

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task ACardSubmitWhoseValueIsNotAnObjectIsRefused(string value)
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "");
        message["value"] = JsonNode.Parse(value);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(message));
        Assert.Empty(Connector.Attempts);
    }

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task ACardActionWhoseValueIsNotAnObjectIsRefused(string value)
    {
        var invoke = TeamsActivities.CardActionInvoke(Connector.ServiceUrl, "my deals");
        invoke["value"] = JsonNode.Parse(value);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(invoke));
        Assert.Empty(Connector.Attempts);
    }

    [Theory]
    [MemberData(nameof(WrongEntities))]
    public async Task EntitiesOfTheWrongShapeAreRefusedOrReadAsPlainText(string entities)
    {
        var message = TeamsActivities.ChannelMention(Connector.ServiceUrl, "help");
        message["entities"] = JsonNode.Parse(entities);

        var status = await PostAsync(message);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)status}");
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
    }

    [Fact]
    public async Task ACardSubmitThatCarriesNoTextIsAnsweredWithoutAnApology()
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "");
        message["value"] = new JsonObject { ["text"] = new JsonArray(1), ["other"] = 5 };

        Assert.Equal(HttpStatusCode.OK, await PostAsync(message));
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
    }

    [Theory]
    [InlineData("{\"action\":\"press\"}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"data\":-1}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"data\":\"my deals\"}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"text\":[\"my deals\"]}}}")]
    public async Task ACardActionThatCarriesNoMessageIsAcknowledged(string value)
    {
        var invoke = TeamsActivities.CardActionInvoke(Connector.ServiceUrl, "my deals");
        invoke["value"] = JsonNode.Parse(value);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(invoke));
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
    }

    [Fact]
    public async Task AMessageWithAMentionButNoTextIsAnsweredWithoutAnApology()
    {
        var message = TeamsActivities.ChannelMention(Connector.ServiceUrl, "");
        message.Remove("text");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(message));
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("{\"name\":\"SalesCoachBot\"}")]
    public async Task AMessageThatNamesNoRecipientIsAnsweredWithoutAnApology(string recipient)
    {
        var message = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "help");
        message["recipient"] = JsonNode.Parse(recipient);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(message));
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
        Assert.NotEmpty(Connector.Sent);
    }

    private async Task<HttpStatusCode> PostAsync(JsonObject activity) =>
        (await Factory.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode;
}
