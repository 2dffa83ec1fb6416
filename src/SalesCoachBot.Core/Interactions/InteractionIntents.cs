using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Interactions;

/// <summary>A touch point logged in a sentence, and changes to the last one logged.</summary>
public static class InteractionIntents
{
    public static IServiceCollection AddInteractionIntents(this IServiceCollection services) => services
        .AddSingleton<InteractionParser>()
        .AddScoped<InteractionService>()
        .AddScoped<LastActivityCommands>()
        .AddIntent(new IntentRegistration<Intent>(IntentIds.Log)
        {
            Read = (sp, text) => sp.GetRequiredService<InteractionParser>().Read(text.Message, text.Context),
            When = intent => intent is LogInteractionIntent or LastActivityIntent,
            Act = (sp, turn, intent, ct) => intent is LastActivityIntent last
                ? sp.GetRequiredService<LastActivityCommands>().ChangeAsync(turn, last, ct)
                : sp.GetRequiredService<DialogRunner>().BeginAsync(LogInteractionDialog.Name, turn, LogValues((LogInteractionIntent)intent), ct),
            TitleOf = (_, intent) => intent is LogInteractionIntent { DealQuery: { } deal } log ? $"Log a {log.Kind.ToString().ToLowerInvariant()} on {deal}" : null,
            Deal = intent => intent is LogInteractionIntent { DealQuery: not null },
        });

    private static Dictionary<string, string?> LogValues(LogInteractionIntent log) => new()
    {
        [DialogKeys.Kind] = log.Kind.ToString(),
        [DialogKeys.DealQuery] = log.DealQuery,
        [DialogKeys.When] = DialogValues.Write(log.When),
        [DialogKeys.WhenHasTime] = log.When is { TimeOfDay.Ticks: > 0 } ? "yes" : null,
        [DialogKeys.Summary] = log.Summary,
        [DialogKeys.NextStep] = log.NextStep,
        [DialogKeys.NextDue] = DialogValues.Write(log.NextStepDue),
        [DialogKeys.NextHasTime] = log.NextStepHasTime ? "yes" : null,
    };
}
