using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Slack;

/// <summary>Sends unprompted in Slack: a direct message (conversations.open, then chat.postMessage) or a channel post.</summary>
public sealed class SlackProactiveSender(SlackApiClient api, ILogger<SlackProactiveSender> logger) : IProactiveSender
{
    private static readonly HashSet<string> Undeliverable =
        ["channel_not_found", "account_inactive", "user_not_found", "user_disabled", "is_archived", "not_in_channel", "cannot_dm_bot", "invalid_auth", "token_revoked"];

    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(30);

    public string Channel => SlackAdapter.ChannelId;

    // Slack allows about one message a second per channel.
    public TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var to = SlackAddress.Read(address);
        try
        {
            var channel = to.Personal && to.UserId is { } user ? await api.OpenDirectMessageAsync(user, cancellationToken) : to.ChannelId;
            await api.PostMessageAsync(channel, BlockKitRenderer.Fallback(reply), BlockKitRenderer.Blocks(reply), to.ThreadTs, cancellationToken);
            if (reply.Chart is { } chart)
                await ShareChartAsync(channel, reply, chart, cancellationToken);
            return new SendResult.Delivered();
        }
        catch (SlackApiException e) when (Undeliverable.Contains(e.Error))
        {
            return new SendResult.Unreachable($"Slack answered {e.Error}");
        }
        catch (SlackApiException e) when (e.Error == "http_429")
        {
            return new SendResult.RetryAfter(e.RetryAfter ?? DefaultRateLimitWait);
        }
    }

    // The message is what matters and is already posted: a chart Slack does not take is logged, not retried with the message.
    private async Task ShareChartAsync(string channel, Reply reply, Forecast.ManagerChart chart, CancellationToken cancellationToken)
    {
        try
        {
            await api.UploadFileAsync(channel, "pipeline-and-forecast.png", chart.Title, Charts.ManagerChartImage.Render(chart),
                $"{reply.Title ?? "Digest"}: pipeline by stage and rep, forecast by month", cancellationToken);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("The chart was not shared in Slack: {Error}", e.Error);
        }
    }
}
