using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;

namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// Teams messages carry no e-mail address; this asks Teams for the sender's (TeamsInfo.GetMemberAsync)
/// so a rep is the same person in Teams, Slack and the terminal. Answers are cached; a failed lookup
/// never blocks the message.
/// </summary>
public sealed class TeamsMemberEmailMiddleware(IMemoryCache cache, ILogger<TeamsMemberEmailMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    private const string EmailKey = "SalesCoachBot.MemberEmail";
    private static readonly TimeSpan KnownFor = TimeSpan.FromHours(12);
    private static readonly TimeSpan UnknownFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The sender's e-mail address as the Teams roster gives it, or null. An address on the activity itself (Direct Line,
    /// Web Chat, the Emulator) is whatever the client typed, so it is never taken: such a sender is a rep of their own
    /// until an admin links them.
    /// </summary>
    public static string? VerifiedEmailOf(ITurnContext turn) => turn.TurnState.Get<string>(EmailKey);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams && activity.Type == ActivityTypes.Message && activity.From is { } from)
        {
            if (await EmailOfMemberAsync(turnContext, from, cancellationToken) is { } email)
                turnContext.TurnState.Set(EmailKey, email);
        }
        await next(cancellationToken);
    }

    /// <summary>A member's e-mail address as Teams knows it (cached), or null.</summary>
    public Task<string?> EmailOfMemberAsync(ITurnContext turn, ChannelAccount member, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"teams-email:{member.AadObjectId ?? member.Id}", async entry =>
        {
            var found = await LookUpAsync(turn, member.Id, cancellationToken);
            entry.AbsoluteExpirationRelativeToNow = found is null ? UnknownFor : KnownFor;
            return found;
        });

    private async Task<string?> LookUpAsync(ITurnContext turn, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turn, userId, cancellationToken);
            return member.Email ?? (member.UserPrincipalName?.Contains('@') == true ? member.UserPrincipalName : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not read the Teams member's e-mail ({Error}); the rep is known by their Teams id only.", e.Message);
            return null;
        }
    }
}
