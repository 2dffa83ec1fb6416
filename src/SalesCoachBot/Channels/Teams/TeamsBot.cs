using SalesCoachBot.Languages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Conversations;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Channels.Teams;

/// <summary>The Bot Framework side of the bot (Teams, the Emulator, Web Chat): activities in, the core's replies out as cards.</summary>
public sealed class TeamsBot(ChatTurns turns, Inbox inbox, TeamsMemberEmailMiddleware members, IServiceScopeFactory scopes, ReplyCatalog catalog, ILogger<TeamsBot> logger) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Invoke)
        {
            await AnswerInvokeAsync(turnContext, cancellationToken);
            return;
        }
        // The bot's own messages come back in some conversations; and Teams may deliver an activity twice.
        if (activity.From?.Id is { } sender && sender == activity.Recipient?.Id ||
            activity.Id is { Length: > 0 } id && !await inbox.TryClaimAsync(activity.ChannelId ?? "unknown", $"{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Type}:{id}", cancellationToken))
            return;

        if (activity.Type == ActivityTypes.Message)
            await OnMessageAsync(turnContext, cancellationToken);
        else if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action == "add" && IsPersonal(activity) && activity.From is not null)
            await turns.RememberAsync(IdentityOf(turnContext, PlaceOf(activity)), cancellationToken);
        else if (activity.Type == ActivityTypes.ConversationUpdate && IsWelcomeMoment(activity))
        {
            if (IsPersonal(activity) && activity.From is not null)
                await turns.RememberAsync(IdentityOf(turnContext, PlaceOf(activity)), cancellationToken);
            await turnContext.SendReplyAsync(HelpReplies.Welcome(catalog, LanguageCodes.FromLocale(activity.Locale) ?? Language.English), cancellationToken);
        }
    }

    private async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var text = await WithMentionsResolvedAsync(turn, MessageText(activity), cancellationToken);
        if (text.Length == 0)
        {
            // An image or file alone: one line, not the whole help card.
            if (activity.Attachments?.Any(a => a.ContentType != AdaptiveCardRenderer.ContentType) == true)
                await turn.SendReplyAsync(HelpReplies.AttachmentOnly([]), cancellationToken);
            return;
        }
        var place = PlaceOf(activity);
        var reply = await turns.RespondAsync(IdentityOf(turn, place), text, place, cancellationToken);
        await SendAnswerAsync(turn, place, reply, cancellationToken);
    }

    // The turn has run, so its answer must not be lost with the request: what the connector does not take goes to
    // the outbox, which sends it later or reports the conversation unreachable. A retried request would find the
    // activity already claimed and not answer it.
    private async Task SendAnswerAsync(ITurnContext turn, ConversationPlace place, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendReplyAsync(reply, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var activity = turn.Activity;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                [new PlannedMessage($"reply:{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Id}", MessageKind.Reply, null,
                    activity.From?.Name ?? "", activity.ChannelId ?? "unknown", place.Reference, reply)], cancellationToken);
            logger.LogWarning("Teams did not take the answer in {ConversationId} ({Error}); it goes out through the outbox",
                activity.Conversation?.Id, e is ErrorResponseException { Response: { } response } ? $"HTTP {(int)response.StatusCode}" : e.Message);
        }
    }

    // Teams shows an error on a card when an invoke gets no answer; the bot's cards post messages, so an
    // Action.Execute press runs as the message it carries and every other invoke is simply acknowledged.
    private async Task AnswerInvokeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        object? body = null;
        // Only an object has children to read: a card whose action or data is a string or a number carries no message.
        if (activity.Name == "adaptiveCard/action" && activity.Value is JObject { } value && value["action"] is JObject { } action &&
            action["data"] is JObject { } data && data["text"] is JValue { Type: JTokenType.String, Value: string text })
        {
            var place = PlaceOf(activity);
            var reply = await turns.RespondAsync(IdentityOf(turn, place), text, place, cancellationToken);
            await SendAnswerAsync(turn, place, reply, cancellationToken);
            body = new JObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "Done." };
        }
        await turn.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200, Body = body } }, cancellationToken);
    }

    // A colleague mentioned in the message ("add @Bob to my team") is named by e-mail, so the core can find them.
    private async Task<string> WithMentionsResolvedAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        foreach (var mention in turn.Activity.GetMentions() ?? [])
        {
            if (mention.Mentioned is not { } person || person.Id == turn.Activity.Recipient?.Id || mention.Text is not { Length: > 0 } shown || !text.Contains(shown, StringComparison.Ordinal))
                continue;
            var email = await members.EmailOfMemberAsync(turn, person, cancellationToken);
            text = text.Replace(shown, email ?? person.Name ?? "", StringComparison.Ordinal);
        }
        return text.Trim();
    }

    // Only a 1:1 chat is where to reach a rep later: Teams channel and group conversation ids start with "19:".
    private static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is "personal" ||
        activity.Conversation?.ConversationType is null && activity.Conversation?.Id?.StartsWith("19:", StringComparison.Ordinal) != true;

    // Say hello once: when the bot is installed for someone or added to a team or chat, not whenever
    // anyone else joins a team.
    private static bool IsWelcomeMoment(Activity activity)
    {
        var added = activity.MembersAdded ?? [];
        var botAdded = added.Any(m => m.Id == activity.Recipient?.Id);
        return botAdded || (IsPersonal(activity) && added.Count > 0);
    }

    /// <summary>The typed text without an @mention of the bot (with or without a mention entity), or the text a card button carried.</summary>
    public static string MessageText(Activity activity)
    {
        // A card submit or an attachment alone has no text to take a mention out of, and an activity that names no
        // recipient no mention of the bot (the SDK's RemoveRecipientMention throws on either).
        var text = activity.Text is null || activity.Recipient?.Id is null ? activity.Text ?? "" : activity.RemoveRecipientMention() ?? activity.Text;
        var botNames = (activity.GetMentions() ?? []).Where(m => m.Mentioned?.Id == activity.Recipient?.Id).Select(m => m.Mentioned?.Name)
            .Append(activity.Recipient?.Name).OfType<string>().Where(n => n.Length > 0);
        foreach (var botName in botNames)
            text = text.Replace($"<at>{botName}</at>", "", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text) && activity.Value is JObject value && value["text"]?.Type == JTokenType.String)
            text = value["text"]!.Value<string>();
        return text?.Trim() ?? "";
    }

    /// <summary>
    /// The conversation, with its Bot Framework conversation reference as the address to reach it later. The reference
    /// leaves out this message's id: a message sent later is not a reply to it, and an address that stays the same from
    /// message to message is stored once rather than rewritten every turn.
    /// </summary>
    public static ConversationPlace PlaceOf(Activity activity)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        return new(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "", IsPersonal(activity),
            JsonConvert.SerializeObject(reference, AddressSettings), activity.From?.Id ?? "");
    }

    private static readonly JsonSerializerSettings AddressSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>Who sent the activity; in a personal chat, <paramref name="place"/>'s reference is where to reach them later.</summary>
    public static ChannelIdentity IdentityOf(ITurnContext turn, ConversationPlace place)
    {
        var activity = turn.Activity;
        var from = activity.From ?? throw new InvalidOperationException("A message without a sender cannot be answered.");
        return new ChannelIdentity(
            activity.ChannelId ?? "unknown",
            from.AadObjectId ?? from.Id,
            from.Name,
            TeamsMemberEmailMiddleware.VerifiedEmailOf(turn),
            activity.Conversation?.TenantId)
        {
            TimeZone = string.IsNullOrWhiteSpace(activity.LocalTimezone) ? null : activity.LocalTimezone,
            Locale = activity.Locale,
            Address = place.IsPersonal ? place.Reference : null,
        };
    }
}
