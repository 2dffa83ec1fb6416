using Microsoft.Extensions.DependencyInjection;

namespace SalesCoachBot.Intents;

public static class IntentServices
{
    /// <summary>Adds one intent to the table the conversation dispatches through.</summary>
    public static IServiceCollection AddIntent(this IServiceCollection services, IntentRegistration registration) =>
        services.AddSingleton(registration);
}
