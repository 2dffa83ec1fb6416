using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Objections;

public static class ObjectionIntents
{
    public static IServiceCollection AddObjectionIntents(this IServiceCollection services) => services
        .AddSingleton<ObjectionReader>()
        .AddScoped<ObjectionCommands>()
        .AddIntent(new IntentRegistration<ObjectionIntent>(IntentIds.Objection)
        {
            Read = (sp, text) => sp.GetRequiredService<ObjectionReader>().Read(text),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<ObjectionCommands>().AdviseAsync(turn, intent, ct),
            TitleOf = (sp, intent) => sp.GetRequiredService<ObjectionReader>().Title(intent),
            DetailOf = intent => intent.CategoryId,
            Deal = intent => intent.DealQuery is not null,
        });
}
