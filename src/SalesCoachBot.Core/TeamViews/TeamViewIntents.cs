using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.TeamViews;

public sealed record TeamPipelineIntent : Intent;

/// <summary>What a manager asks about their team: its pipeline, why it loses, how one rep is doing.</summary>
public static class TeamViewIntents
{
    public const string TeamPipeline = "team-pipeline";
    public const string LossReasons = "loss-reasons";
    public const string RepProgress = "rep-progress";

    public static IServiceCollection AddTeamViews(this IServiceCollection services) => services
        .AddScoped<TeamPipelineCommands>()
        .AddScoped<LossReasonsCommands>()
        .AddScoped<RepProgressCommands>()
        .AddIntent(new IntentRegistration<TeamPipelineIntent>(TeamPipeline)
        {
            Read = (_, _) => new TeamPipelineIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<TeamPipelineCommands>().ShowAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        })
        .AddIntent(new IntentRegistration<LossReasonsIntent>(LossReasons)
        {
            Read = (_, text) => TeamViewPhrases.ReadLossReasons(text.Message),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<LossReasonsCommands>().ShowAsync(turn, intent, ct),
            Risk = IntentRisk.LookUp,
        })
        .AddIntent(new IntentRegistration<RepProgressIntent>(RepProgress)
        {
            Read = (_, text) => TeamViewPhrases.ReadRepProgress(text.Message),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<RepProgressCommands>().ShowAsync(turn, intent, ct),
            Risk = IntentRisk.LookUp,
        });
}
