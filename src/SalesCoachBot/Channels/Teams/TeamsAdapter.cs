using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Channels.Teams;

/// <summary>The Bot Framework CloudAdapter with one constructor for DI and a turn-error handler that never leaks internals.</summary>
public sealed class TeamsAdapter : CloudAdapter
{
    public TeamsAdapter(BotFrameworkAuthentication authentication, TeamsMemberEmailMiddleware memberEmail, ILogger<TeamsAdapter> logger)
        : base(authentication, logger)
    {
        Use(memberEmail);
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turn.Activity.Conversation?.Id);
            await turn.SendReplyAsync(new Reply("Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment."), CancellationToken.None);
        };
    }
}
