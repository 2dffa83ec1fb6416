using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Conversations;

/// <summary>
/// The core's one door for every channel: who said what, where → the reply. The conversation's memory
/// is read before the turn and written after it, only when the turn changed it.
/// </summary>
public sealed class ChatTurns(IServiceScopeFactory scopes, ConversationMemoryStore memories)
{
    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationPlace where, CancellationToken cancellationToken)
    {
        var stored = await memories.LoadAsync(where.MemoryKey, cancellationToken);
        Reply reply;
        await using (var scope = scopes.CreateAsyncScope())
            reply = await scope.ServiceProvider.GetRequiredService<Conversation>().RespondAsync(who, text, stored.Memory, cancellationToken, where);
        await memories.SaveAsync(where.MemoryKey, stored, cancellationToken);
        return reply;
    }

    /// <summary>Installing the bot is the first chance to learn who the rep is and where to reach them later.</summary>
    public async Task RememberAsync(ChannelIdentity who, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RepDirectory>().IdentifyAsync(who, cancellationToken);
    }
}
