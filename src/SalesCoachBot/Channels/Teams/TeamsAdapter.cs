using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using SalesCoachBot.Conversations;

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
            try
            {
                await turn.SendReplyAsync(HelpReplies.Apology, CancellationToken.None);
            }
            catch (Exception apologyFailure)
            {
                logger.LogError(apologyFailure, "Could not tell conversation {ConversationId} that its turn failed", turn.Activity.Conversation?.Id);
            }
            // Teams shows an error on the card for an invoke without an answer.
            if (turn.Activity.Type == ActivityTypes.Invoke)
                await turn.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200 } }, CancellationToken.None);
        };
    }

    /// <summary>Runs the turn for an activity whose request <see cref="BotFrameworkAuthentication"/> has already authenticated.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedActivityAsync(AuthenticateRequestResult authenticated, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authenticated, activity, callback, cancellationToken);
}
