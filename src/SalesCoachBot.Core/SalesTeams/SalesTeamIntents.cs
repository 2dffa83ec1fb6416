using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.SalesTeams;

/// <summary>Who is on a manager's team, who manages, and where the stalled-deal digest is posted.</summary>
public static class SalesTeamIntents
{
    public static IServiceCollection AddSalesTeamIntents(this IServiceCollection services) => services
        .AddScoped<SalesTeamCommands>()
        .AddScoped<SalesTeamRoster>()
        .AddIntent(new IntentRegistration<Intent>(IntentIds.Team)
        {
            Read = (_, text) => SchedulingPhrases.ReadTeam(text.Message),
            When = intent => intent is TeamIntent or ManagerRoleIntent or MoveToTeamIntent,
            Act = (sp, turn, intent, ct) => intent switch
            {
                ManagerRoleIntent role => Commands(sp).SetManagerAsync(turn, role, ct),
                MoveToTeamIntent move => Commands(sp).MoveAsync(turn, move, ct),
                _ => Commands(sp).ChangeAsync(turn, (TeamIntent)intent, ct),
            },
        })
        .AddIntent(new IntentRegistration<SubscribeDigestIntent>(IntentIds.DigestSubscribe)
        {
            Read = (_, text) => SchedulingPhrases.ReadDigest(text.Message),
            Act = (sp, turn, intent, ct) => Commands(sp).SubscribeDigestAsync(turn, intent, ct),
        })
        .AddIntent(new IntentRegistration<StopDigestIntent>(IntentIds.DigestStop)
        {
            Read = (_, _) => new StopDigestIntent(),
            Act = (sp, turn, _, ct) => Commands(sp).StopDigestAsync(turn, ct),
        });

    private static SalesTeamCommands Commands(IServiceProvider services) => services.GetRequiredService<SalesTeamCommands>();
}
