using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Pipeline;

public static class PipelineIntents
{
    public static IServiceCollection AddPipelineIntents(this IServiceCollection services) => services
        .AddScoped<PipelineCommands>()
        .AddIntent(new IntentRegistration<PipelineIntent>(IntentIds.Pipeline)
        {
            Read = (_, _) => new PipelineIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<PipelineCommands>().ShowAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        });
}
