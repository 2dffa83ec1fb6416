using System.Threading.Channels;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack wants its answer within three seconds: a delivery is claimed (a repeat is dropped here),
/// queued, and acknowledged at once; <see cref="SlackTurnWorker"/> runs the turn.
/// </summary>
public sealed class SlackInbox(DeliveryLog deliveries, ILogger<SlackInbox> logger)
{
    private readonly Channel<SlackInbound> queue = Channel.CreateUnbounded<SlackInbound>();

    public ChannelReader<SlackInbound> Reader => queue.Reader;

    public async Task AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (!await deliveries.TryClaimAsync($"slack:{inbound.DeliveryId}", cancellationToken))
        {
            logger.LogInformation("Slack delivery {DeliveryId} was already taken; not run again", inbound.DeliveryId);
            return;
        }
        await queue.Writer.WriteAsync(inbound, cancellationToken);
    }
}
