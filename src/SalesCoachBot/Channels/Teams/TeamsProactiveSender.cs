using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Channels.Teams;

/// <summary>Sends unprompted to a stored Teams conversation with CloudAdapter.ContinueConversationAsync.</summary>
public sealed class TeamsProactiveSender(TeamsAdapter adapter, IOptions<BotFrameworkOptions> options, Charts.ChartLinks charts) : IProactiveSender
{
    public string Channel => Microsoft.Bot.Connector.Channels.Msteams;

    // Teams allows about 7 messages a second per conversation.
    public TimeSpan MinInterval => TimeSpan.FromMilliseconds(150);

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(address) ?? throw new InvalidOperationException("Empty conversation reference.");
        // A new message, not a reply to the one the reference was taken from: in a channel, a new post rather than
        // an answer in that thread.
        reference.ActivityId = null;
        if (reference.Conversation?.Id is { } id && id.IndexOf(";messageid=", StringComparison.Ordinal) is > 0 and var thread)
            reference.Conversation.Id = id[..thread];
        var chartUrl = reply.Chart is { } chart ? await charts.PublishAsync(chart, cancellationToken) : null;
        // Caught inside the turn: the adapter's turn-error handler would otherwise answer the failure with an apology.
        ErrorResponseException? refused = null;
        await adapter.ContinueConversationAsync(options.Value.MicrosoftAppId ?? "", reference, async (turn, ct) =>
        {
            try
            {
                turn.Activity.Id = null; // so the message is not sent as a reply to the continuation event
                await turn.SendActivityAsync(AdaptiveCardRenderer.Render(reply, reference.ChannelId, chartUrl), ct);
            }
            catch (ErrorResponseException e)
            {
                refused = e;
            }
        }, cancellationToken);
        if (refused?.Response?.StatusCode == HttpStatusCode.TooManyRequests)
            BotTelemetry.CountRateLimited(Channel);
        return refused is null ? new SendResult.Delivered() : Classify(refused);
    }

    private static SendResult Classify(ErrorResponseException refused) => refused.Response?.StatusCode switch
    {
        HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
            new SendResult.Unreachable($"Teams answered {(int)refused.Response.StatusCode}: the bot was removed or blocked, or the conversation is gone"),
        HttpStatusCode.TooManyRequests => new SendResult.RetryAfter(
            refused.Response.Headers.TryGetValue("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(2)),
        var status => new SendResult.Failed($"Teams answered {(int?)status}: {refused.Message}"),
    };
}
