using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Metrics;

public static class MetricsIntents
{
    public static IServiceCollection AddMetricsIntents(this IServiceCollection services) => services
        .AddScoped<MetricsService>()
        .AddScoped<MetricsCommands>()
        .AddIntent(new IntentRegistration<NumbersIntent>(IntentIds.Numbers)
        {
            Read = (_, text) => SchedulingPhrases.ReadNumbers(text.Message),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<MetricsCommands>().ShowAsync(turn, intent, ct),
            Risk = IntentRisk.LookUp,
        });
}
