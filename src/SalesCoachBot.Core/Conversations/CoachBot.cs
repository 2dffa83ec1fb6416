using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Conversations;

/// <summary>The one bot every channel drives. It knows activities, not channels.</summary>
public sealed class CoachBot(IServiceScopeFactory scopes, PrivateConversationState state) : IBot
{
    private readonly IStatePropertyAccessor<ConversationMemory> memoryAccessor = state.CreateProperty<ConversationMemory>("memory");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message)
            await OnMessageAsync(turnContext, cancellationToken);
        else if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action == "add" && IsPersonal(activity) && activity.From is not null)
            await RememberAsync(activity, cancellationToken);
        else if (activity.Type == ActivityTypes.ConversationUpdate && IsWelcomeMoment(activity))
        {
            if (IsPersonal(activity) && activity.From is not null)
                await RememberAsync(activity, cancellationToken);
            await turnContext.SendReplyAsync(HelpReplies.Welcome(), cancellationToken);
        }
    }

    // Installing the bot is the first chance to learn where to reach the rep later.
    private async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RepDirectory>().IdentifyAsync(IdentityOf(activity, PlaceOf(activity)), cancellationToken);
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

    private async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var memory = await memoryAccessor.GetAsync(turn, () => new ConversationMemory(), cancellationToken);
        Reply reply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var conversation = scope.ServiceProvider.GetRequiredService<Conversation>();
            var place = PlaceOf(turn.Activity);
            reply = await conversation.RespondAsync(IdentityOf(turn.Activity, place), MessageText(turn.Activity), memory, cancellationToken, place);
        }
        await state.SaveChangesAsync(turn, force: false, cancellationToken);
        await turn.SendReplyAsync(reply, cancellationToken);
    }

    /// <summary>The typed text without an @mention of the bot, or the text a card button carried.</summary>
    public static string MessageText(Activity activity)
    {
        var text = activity.RemoveRecipientMention() ?? activity.Text;
        if (string.IsNullOrWhiteSpace(text) && activity.Value is JObject value && value["text"]?.Type == JTokenType.String)
            text = value["text"]!.Value<string>();
        return text?.Trim() ?? "";
    }

    public static ConversationPlace PlaceOf(Activity activity) =>
        new(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "", IsPersonal(activity), JsonConvert.SerializeObject(activity.GetConversationReference()));

    /// <summary>Who sent the activity; in a personal chat, <paramref name="place"/>'s reference is where to reach them later.</summary>
    public static ChannelIdentity IdentityOf(Activity activity, ConversationPlace place)
    {
        var from = activity.From ?? throw new InvalidOperationException("A message without a sender cannot be answered.");
        var email = from.Properties?["email"]?.Value<string>();
        return new ChannelIdentity(
            activity.ChannelId ?? "unknown",
            from.AadObjectId ?? from.Id,
            from.Name,
            email,
            activity.Conversation?.TenantId)
        {
            TimeZone = string.IsNullOrWhiteSpace(activity.LocalTimezone) ? null : activity.LocalTimezone,
            Address = place.IsPersonal ? place.Reference : null,
        };
    }
}
