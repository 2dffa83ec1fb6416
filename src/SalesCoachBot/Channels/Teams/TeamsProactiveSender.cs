using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Teams;

/// <summary>Sends unprompted to a stored Teams conversation with CloudAdapter.ContinueConversationAsync.</summary>
public sealed class TeamsProactiveSender(TeamsAdapter adapter, IOptions<BotFrameworkOptions> options) : IProactiveSender
{
    public string Channel => Microsoft.Bot.Connector.Channels.Msteams;

    // Teams allows about 7 messages a second per conversation.
    public TimeSpan MinInterval => TimeSpan.FromMilliseconds(150);

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(address) ?? throw new InvalidOperationException("Empty conversation reference.");
        try
        {
            await adapter.ContinueConversationAsync(options.Value.MicrosoftAppId ?? "", reference,
                async (turn, ct) => await turn.SendActivityAsync(ReplySender.RendererFor(reference.ChannelId).Render(reply), ct), cancellationToken);
            return new SendResult.Delivered();
        }
        catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return new SendResult.Unreachable($"Teams answered {(int)e.Response.StatusCode}: the bot was removed or blocked, or the conversation is gone");
        }
        catch (ErrorResponseException e) when (e.Response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var header = e.Response.Headers.TryGetValue("Retry-After", out var values) ? values.FirstOrDefault() : null;
            return new SendResult.RetryAfter(int.TryParse(header, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(2));
        }
    }
}
