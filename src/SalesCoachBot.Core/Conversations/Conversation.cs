using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>Answers one message from one rep: identifies them, understands the message and acts on it.</summary>
public sealed class Conversation(RepDirectory reps, UtteranceRecognizer recognizer, DealCommands deals)
{
    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var rep = await reps.IdentifyAsync(who, cancellationToken);
        return recognizer.Recognize(text) switch
        {
            HelpIntent => HelpReplies.Help(),
            ListDealsIntent => await deals.ListAsync(rep, cancellationToken),
            NewDealIntent create => await deals.CreateAsync(rep, create, cancellationToken),
            MoveDealIntent move => await deals.MoveAsync(rep, move, memory, cancellationToken),
            UndoIntent => await deals.UndoAsync(rep, memory, cancellationToken),
            UnknownIntent unknown => HelpReplies.NotUnderstood(unknown.Text),
            var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}"),
        };
    }
}
