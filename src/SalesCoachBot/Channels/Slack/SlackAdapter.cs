using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// The Slack channel adapter: turns a <see cref="SlackInbound"/> into a Bot Framework message activity
/// for the one bot, and sends the bot's replies back with chat.postMessage or the response_url.
/// </summary>
public sealed class SlackAdapter : BotAdapter
{
    public const string ChannelId = "slack";
    private static readonly TimeSpan UserCacheTime = TimeSpan.FromHours(1);

    private readonly SlackApiClient api;
    private readonly IMemoryCache cache;
    private readonly TimeProvider time;
    private readonly ILogger<SlackAdapter> logger;

    public SlackAdapter(SlackApiClient api, IMemoryCache cache, TimeProvider time, ILogger<SlackAdapter> logger)
    {
        (this.api, this.cache, this.time, this.logger) = (api, cache, time, logger);
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Slack turn failed in {Channel}", turn.Activity.Conversation?.Id);
            await turn.SendReplyAsync(new Reply("Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment."), CancellationToken.None);
        };
    }

    public async Task ProcessAsync(SlackInbound inbound, IBot bot, CancellationToken cancellationToken)
    {
        var user = await UserAsync(inbound.UserId, cancellationToken);
        if (user.IsBot)
            return;
        var from = new ChannelAccount(inbound.UserId, user.Name ?? inbound.UserId);
        if (user.Email is not null)
            from.Properties = new JObject { ["email"] = user.Email };

        var activity = new Activity(ActivityTypes.Message)
        {
            Id = inbound.DeliveryId,
            ChannelId = ChannelId,
            ServiceUrl = "https://slack.com",
            Conversation = new ConversationAccount(isGroup: inbound.ConversationType != "personal", id: inbound.ChannelId,
                conversationType: inbound.ConversationType, tenantId: inbound.TeamId),
            From = from,
            Recipient = new ChannelAccount("slack-bot", "SalesCoachBot"),
            Text = inbound.Text,
            Timestamp = time.GetUtcNow(),
            LocalTimezone = user.TimeZone,
            ChannelData = new JObject { ["thread_ts"] = inbound.ThreadTs, ["response_url"] = inbound.ResponseUrl },
        };
        using var turn = new TurnContext(this, activity);
        await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var incoming = turnContext.Activity;
        var responseUrl = (incoming.ChannelData as JObject)?["response_url"]?.Value<string>();
        var threadTs = (incoming.ChannelData as JObject)?["thread_ts"]?.Value<string>();
        var sent = new List<ResourceResponse>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            var blocks = (activity.ChannelData as JObject)?["blocks"] is JArray array ? (JsonArray?)JsonNode.Parse(array.ToString()) : null;
            var text = activity.Text ?? "";
            if (responseUrl is not null)
            {
                await api.RespondAsync(responseUrl, new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = text, ["blocks"] = blocks }, cancellationToken);
                sent.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
            }
            else
                sent.Add(new ResourceResponse(await api.PostMessageAsync(incoming.Conversation.Id, text, blocks, threadTs, cancellationToken)));
        }
        return [.. sent];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bot does not edit its Slack messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bot does not delete its Slack messages.");

    // users.info gives the name, e-mail (one rep across channels) and time zone; a failure only costs those.
    private async Task<SlackUser> UserAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue<SlackUser>($"slack-user:{userId}", out var known) && known is not null)
            return known;
        try
        {
            var user = await api.UserInfoAsync(userId, cancellationToken);
            cache.Set($"slack-user:{userId}", user, UserCacheTime);
            return user;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Could not read Slack user {User} ({Error}); answering without their name and e-mail", userId, e.Message);
            return new SlackUser(userId, null, null, null, false);
        }
    }
}
