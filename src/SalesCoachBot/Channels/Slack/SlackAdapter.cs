using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Polly.Timeout;
using SalesCoachBot.Conversations;
using SalesCoachBot.Outbox;
using SalesCoachBot.Queues;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Runs one Slack message through the core: who sent it (users.info: name, e-mail, time zone), where,
/// and the reply back as Block Kit with chat.postMessage or the response_url.
/// </summary>
public sealed class SlackAdapter(ChatTurns turns, SlackApiClient api, Inbox inbox, IServiceScopeFactory scopes, IMemoryCache cache, ILogger<SlackAdapter> logger)
{
    public const string ChannelId = "slack";
    private static readonly TimeSpan UserCacheTime = TimeSpan.FromHours(1);

    public async Task ProcessAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        var user = await UserAsync(inbound.UserId, cancellationToken);
        if (user.IsBot)
            return;
        var personal = inbound.ConversationType == "personal";
        var address = new SlackAddress(inbound.TeamId, inbound.ChannelId, inbound.UserId, personal).Write();
        var place = new ConversationPlace(ChannelId, inbound.ChannelId, personal, address, inbound.UserId);
        var who = new ChannelIdentity(ChannelId, inbound.UserId, user.Name ?? inbound.UserId, user.Email, inbound.TeamId)
        {
            TimeZone = user.TimeZone,
            Locale = user.Locale,
            Address = personal ? address : null,
        };
        var text = await WithMentionsResolvedAsync(inbound.Text, cancellationToken);
        Reply reply;
        if (text.Length == 0 && inbound.Files.Count > 0)
            reply = HelpReplies.AttachmentOnly(inbound.Files);
        else
        {
            try
            {
                reply = await turns.RespondAsync(who, text, place, cancellationToken);
                if (inbound.Files.Count > 0)
                    reply = reply with { Notes = [.. reply.Notes, HelpReplies.AttachmentNote(inbound.Files)] };
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Slack turn failed in {Channel}", inbound.ChannelId);
                reply = HelpReplies.Apology;
            }
        }
        await KeepAnswerAsync(reply, cancellationToken);
        await SendAsync(inbound, reply, cancellationToken);
    }

    /// <summary>A stored turn taken up again after it saved its changes: its kept answer goes out, the turn does not run twice.</summary>
    public Task AnswerAgainAsync(SlackInbound inbound, string? answerJson, CancellationToken cancellationToken) =>
        SendAsync(inbound, answerJson is null ? HelpReplies.CutShort : OutboxWriter.Deserialize(answerJson), cancellationToken);

    // The answer of a turn that changed something is kept with its stored message until it has been sent (usually
    // already, with the conversation's memory).
    private async Task KeepAnswerAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (InboxTurn.Current is not { Applied: true, AnswerKept: false } turn)
            return;
        try
        {
            await inbox.RecordAnswerAsync(turn.MessageId, OutboxWriter.Serialize(reply), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("Keeping the answer of Slack turn {InboxId} failed ({Error})", turn.MessageId, e.Message);
        }
    }

    private async Task SendAsync(SlackInbound inbound, Reply reply, CancellationToken cancellationToken)
    {
        var (text, blocks) = (BlockKitRenderer.Fallback(reply), BlockKitRenderer.Blocks(reply));
        try
        {
            if (inbound.ResponseUrl is { } responseUrl)
                await api.RespondAsync(responseUrl, new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = text, ["blocks"] = blocks }, cancellationToken);
            else
                await api.PostMessageAsync(inbound.ChannelId, text, blocks, inbound.ThreadTs, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The turn has run, so its answer must not be lost: the outbox sends it as soon as Slack takes it, or
            // reports the address unreachable. An answer meant for the rep's eyes only (response_url) goes to their DM.
            var personal = inbound.ConversationType == "personal" || inbound.ResponseUrl is not null;
            var address = new SlackAddress(inbound.TeamId, inbound.ChannelId, inbound.UserId, personal, inbound.ResponseUrl is null ? inbound.ThreadTs : null).Write();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                [new PlannedMessage($"reply:{inbound.DeliveryId}", MessageKind.Reply, null, inbound.UserId, ChannelId, address, reply)], cancellationToken);
            if (e is SlackApiException { RetryAfter: { } wait })
                logger.LogWarning("Slack rate-limited the answer in {Channel}; it goes out through the outbox after {RetryAfter}", inbound.ChannelId, wait);
            else
                logger.LogWarning("Slack did not take the answer in {Channel} ({Error}); it goes out through the outbox", inbound.ChannelId, e is SlackApiException slack ? slack.Error : e.Message);
        }
    }

    // A colleague mentioned in the message ("add @bob to my team") is named by e-mail, so the core can find them.
    private async Task<string> WithMentionsResolvedAsync(string text, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, string>();
        foreach (var id in SlackText.MentionedUsers(text).Distinct())
        {
            var user = await UserAsync(id, cancellationToken);
            people[id] = user.Email ?? user.Name ?? id;
        }
        return SlackText.ReplaceMentions(text, id => people[id]);
    }

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
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Could not read Slack user {User} ({Error}); answering without their name and e-mail", userId, e.Message);
            return new SlackUser(userId, null, null, null, false);
        }
    }
}
