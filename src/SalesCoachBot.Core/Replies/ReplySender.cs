using Microsoft.Bot.Builder;

namespace SalesCoachBot.Replies;

/// <summary>Sends a reply in the form the turn's channel shows best.</summary>
public static class ReplySender
{
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "emulator", "webchat", "directline" };
    private static readonly IReplyRenderer Cards = new AdaptiveCardRenderer();
    private static readonly IReplyRenderer Text = new PlainTextRenderer();
    private static readonly IReplyRenderer Blocks = new BlockKitRenderer();

    public static IReplyRenderer RendererFor(string? channelId) => channelId switch
    {
        "slack" => Blocks,
        not null when CardChannels.Contains(channelId) => Cards,
        _ => Text,
    };

    public static Task SendReplyAsync(this ITurnContext turn, Reply reply, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(RendererFor(turn.Activity.ChannelId).Render(reply), cancellationToken);
}
