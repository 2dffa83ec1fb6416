using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>What any conversation answers: help, cancel, thanks, and messages the bot is not for.</summary>
public static class ConversationIntents
{
    public static IServiceCollection AddConversationIntents(this IServiceCollection services) => services
        .AddIntent(new IntentRegistration<HelpIntent>(IntentIds.Help)
        {
            Read = (_, _) => new HelpIntent(),
            Act = (services, turn, _, _) => Task.FromResult(HelpReplies.Help(services.GetRequiredService<ReplyCatalog>(), turn.Language)),
            Interrupts = false,
        })
        .AddIntent(new IntentRegistration<CancelIntent>(IntentIds.Cancel)
        {
            Read = (_, _) => new CancelIntent(),
            Act = IntentRegistration<CancelIntent>.Answer((_, _) => new Reply("There's nothing to cancel.")),
            Interrupts = false,
        })
        .AddIntent(new IntentRegistration<ThanksIntent>(IntentIds.Thanks)
        {
            Read = (_, _) => new ThanksIntent(),
            Act = IntentRegistration<ThanksIntent>.Answer((_, _) => new Reply("Anytime! 👍")),
            Interrupts = false,
        })
        .AddIntent(new IntentRegistration<UnknownIntent>(IntentIds.None)
        {
            Read = (_, text) => new UnknownIntent(text.Message),
            Act = (services, turn, unknown, _) => Task.FromResult(ClarifyReplies.NotSure(unknown, turn.Memory, services.GetRequiredService<ReplyCatalog>(), turn.Language)),
            Interrupts = false,
        });
}
