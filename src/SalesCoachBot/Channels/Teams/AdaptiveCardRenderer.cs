using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// Renders a reply for the Bot Framework channels: an Adaptive Card (schema 1.5) in Teams, the Emulator
/// and Web Chat (a plain reply stays a text message), numbered text anywhere else.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "emulator", "webchat", "directline" };

    /// <summary>The reply as a card; <paramref name="chartUrl"/> is where the bot serves the reply's chart, if it does.</summary>
    public static IMessageActivity Render(Reply reply, string? channelId, Uri? chartUrl = null)
    {
        if (channelId is null || !CardChannels.Contains(channelId))
            return MessageFactory.Text(ReplyText.Render(reply));
        if (reply.IsPlain)
            return MessageFactory.Text(reply.Text);
        var message = MessageFactory.Attachment(new Attachment(ContentType, content: Card(reply, chartUrl)));
        message.Summary = reply.Title ?? reply.Text;
        return message;
    }

    public static Task SendReplyAsync(this ITurnContext turn, Reply reply, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(Render(reply, turn.Activity.ChannelId), cancellationToken);

    public static JObject Card(Reply reply, Uri? chartUrl = null)
    {
        var body = new JArray();
        if (reply.Title is not null)
            body.Add(TextBlock(reply.Title, new JProperty("weight", "Bolder"), new JProperty("size", "Medium")));
        body.Add(TextBlock(reply.Text));
        if (reply.Facts.Count > 0)
            body.Add(new JObject(
                new JProperty("type", "FactSet"),
                new JProperty("facts", new JArray(reply.Facts.Select(f => new JObject(new JProperty("title", f.Label), new JProperty("value", f.Value)))))));
        foreach (var note in reply.Notes)
            body.Add(TextBlock(note, new JProperty("isSubtle", true), new JProperty("size", "Small")));
        if (chartUrl is not null && reply.Chart is { } chart)
            body.Add(new JObject(new JProperty("type", "Image"), new JProperty("url", chartUrl.ToString()), new JProperty("size", "Stretch"),
                new JProperty("altText", $"{chart.Title}: open pipeline by stage and rep, forecast by month ({chart.Currency})")));

        return new JObject(
            new JProperty("type", "AdaptiveCard"),
            new JProperty("$schema", "http://adaptivecards.io/schemas/adaptive-card.json"),
            new JProperty("version", "1.5"),
            new JProperty("body", body),
            new JProperty("actions", new JArray(reply.Buttons.Select(Button))));
    }

    private static JObject TextBlock(string text, params JProperty[] style) =>
        new(new JProperty("type", "TextBlock"), new JProperty("text", text), new JProperty("wrap", true), style);

    // imBack makes Teams post the button's message as the rep's own; "text" serves other card hosts.
    private static JObject Button(ReplyButton button) => new(
        new JProperty("type", "Action.Submit"),
        new JProperty("title", button.Title),
        new JProperty("data", new JObject(
            new JProperty("text", button.Message),
            new JProperty("msteams", new JObject(new JProperty("type", "imBack"), new JProperty("value", button.Message))))));
}
