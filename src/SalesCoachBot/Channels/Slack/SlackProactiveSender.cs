using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Sends unprompted in Slack: a direct message (conversations.open, then chat.postMessage) or a channel post.</summary>
public sealed class SlackProactiveSender(SlackApiClient api) : IProactiveSender
{
    private static readonly HashSet<string> Undeliverable =
        ["channel_not_found", "account_inactive", "user_not_found", "user_disabled", "is_archived", "not_in_channel", "cannot_dm_bot", "invalid_auth", "token_revoked"];

    public string Channel => SlackAdapter.ChannelId;

    // Slack allows about one message a second per channel.
    public TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(address) ?? throw new InvalidOperationException("Empty conversation reference.");
        var message = new BlockKitRenderer().Render(reply);
        var blocks = (message.ChannelData as JObject)?["blocks"] is JArray array ? (JsonArray?)JsonNode.Parse(array.ToString()) : null;
        try
        {
            var channel = reference.Conversation?.ConversationType == "personal" && reference.User?.Id is { } user
                ? await api.OpenDirectMessageAsync(user, cancellationToken)
                : reference.Conversation?.Id ?? throw new InvalidOperationException("No Slack channel in the reference.");
            await api.PostMessageAsync(channel, message.Text ?? "", blocks, threadTs: null, cancellationToken);
            return new SendResult.Delivered();
        }
        catch (SlackApiException e) when (Undeliverable.Contains(e.Error))
        {
            return new SendResult.Unreachable($"Slack answered {e.Error}");
        }
        catch (SlackApiException e) when (e.Error == "http_429")
        {
            return new SendResult.RetryAfter(TimeSpan.FromSeconds(30));
        }
    }
}
