using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Goals;

public static class GoalIntents
{
    public static IServiceCollection AddGoalIntents(this IServiceCollection services) => services
        .AddSingleton<GoalParser>()
        .AddScoped<GoalService>()
        .AddScoped<GoalCommands>()
        .AddIntent(new IntentRegistration<SetGoalIntent>(IntentIds.GoalSet)
        {
            // Said in a goal's own words but not readable as one, the message is left to the model.
            Read = (sp, text) => (Intent?)sp.GetRequiredService<GoalParser>().Parse(text.Message, text.Context.Language)
                ?? (text.Exact is null ? new IncompleteIntent(IntentIds.GoalSet, "What's the goal? For example: \"20 calls a week\", \"close 3 deals this month\" or \"$50k this quarter\".") : null),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<GoalCommands>().SetAsync(turn, intent, ct),
        })
        .AddIntent(new IntentRegistration<ShowGoalsIntent>(IntentIds.GoalShow)
        {
            Read = (_, _) => new ShowGoalsIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<GoalCommands>().ShowAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        });
}
