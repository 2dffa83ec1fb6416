using System.Threading.Channels;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack wants its answer within three seconds: a delivery is claimed (a repeat is dropped here),
/// queued, and acknowledged at once; <see cref="SlackTurnWorker"/> runs the turns. Each conversation
/// always goes to the same lane, so one rep's messages are answered in the order they were sent.
/// </summary>
public sealed class SlackInbox(DeliveryLog deliveries, ILogger<SlackInbox> logger)
{
    public const int Lanes = 4;
    private readonly Channel<SlackInbound>[] lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateUnbounded<SlackInbound>())];

    public ChannelReader<SlackInbound> Lane(int index) => lanes[index].Reader;

    public async Task AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        if (!await deliveries.TryClaimAsync($"slack:{inbound.DeliveryId}", cancellationToken))
        {
            logger.LogInformation("Slack delivery {DeliveryId} was already taken; not run again", inbound.DeliveryId);
            return;
        }
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode($"{inbound.ChannelId}/{inbound.UserId}") % Lanes);
        await lanes[lane].Writer.WriteAsync(inbound, cancellationToken);
    }
}
