using System.Text.Json;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack wants its answer within three seconds: a delivery is stored in the shared inbox (a repeat of one
/// already stored is not), and only then acknowledged; <see cref="SlackTurnWorker"/> runs the turns. One
/// rep's messages in one conversation form a lane and are answered in the order they were sent.
/// </summary>
public sealed class SlackInbox(Inbox inbox, ILogger<SlackInbox> logger)
{
    public async Task AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (!await inbox.TryAcceptAsync(SlackAdapter.ChannelId, $"slack:{inbound.DeliveryId}", $"slack:{inbound.ChannelId}/{inbound.UserId}",
                JsonSerializer.Serialize(inbound), cancellationToken))
            logger.LogInformation("Slack delivery {DeliveryId} is already stored; not run again", inbound.DeliveryId);
    }

    public static SlackInbound Read(InboxMessage message) =>
        JsonSerializer.Deserialize<SlackInbound>(message.Payload) ?? throw new JsonException($"Inbox message {message.Id} is empty.");
}
