using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Conversations;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Channels.Teams;

/// <summary>The Bot Framework side of the bot (Teams, the Emulator, Web Chat): activities in, the core's replies out as cards.</summary>
public sealed class TeamsBot(ChatTurns turns) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message)
        {
            var place = PlaceOf(activity);
            var reply = await turns.RespondAsync(IdentityOf(turnContext, place), MessageText(activity), place, cancellationToken);
            await turnContext.SendReplyAsync(reply, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action == "add" && IsPersonal(activity) && activity.From is not null)
            await turns.RememberAsync(IdentityOf(turnContext, PlaceOf(activity)), cancellationToken);
        else if (activity.Type == ActivityTypes.ConversationUpdate && IsWelcomeMoment(activity))
        {
            if (IsPersonal(activity) && activity.From is not null)
                await turns.RememberAsync(IdentityOf(turnContext, PlaceOf(activity)), cancellationToken);
            await turnContext.SendReplyAsync(HelpReplies.Welcome(), cancellationToken);
        }
    }

    private static bool IsPersonal(Activity activity) => activity.Conversation?.ConversationType is null or "personal";

    // Say hello once: when the bot is installed for someone or added to a team or chat, not whenever
    // anyone else joins a team.
    private static bool IsWelcomeMoment(Activity activity)
    {
        var added = activity.MembersAdded ?? [];
        var botAdded = added.Any(m => m.Id == activity.Recipient?.Id);
        return botAdded || (IsPersonal(activity) && added.Count > 0);
    }

    /// <summary>The typed text without an @mention of the bot, or the text a card button carried.</summary>
    public static string MessageText(Activity activity)
    {
        var text = activity.RemoveRecipientMention() ?? activity.Text;
        if (string.IsNullOrWhiteSpace(text) && activity.Value is JObject value && value["text"]?.Type == JTokenType.String)
            text = value["text"]!.Value<string>();
        return text?.Trim() ?? "";
    }

    /// <summary>The conversation, with its Bot Framework conversation reference as the address to reach it later.</summary>
    public static ConversationPlace PlaceOf(Activity activity) =>
        new(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "", IsPersonal(activity),
            JsonConvert.SerializeObject(activity.GetConversationReference()), activity.From?.Id ?? "");

    /// <summary>Who sent the activity; in a personal chat, <paramref name="place"/>'s reference is where to reach them later.</summary>
    public static ChannelIdentity IdentityOf(ITurnContext turn, ConversationPlace place)
    {
        var activity = turn.Activity;
        var from = activity.From ?? throw new InvalidOperationException("A message without a sender cannot be answered.");
        return new ChannelIdentity(
            activity.ChannelId ?? "unknown",
            from.AadObjectId ?? from.Id,
            from.Name,
            TeamsMemberEmailMiddleware.EmailOf(turn),
            activity.Conversation?.TenantId)
        {
            TimeZone = string.IsNullOrWhiteSpace(activity.LocalTimezone) ? null : activity.LocalTimezone,
            Address = place.IsPersonal ? place.Reference : null,
        };
    }
}
