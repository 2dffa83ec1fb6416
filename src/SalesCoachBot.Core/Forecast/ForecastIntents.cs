using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;

namespace SalesCoachBot.Forecast;

public static class ForecastIntents
{
    public const string Forecast = "forecast";

    public static IServiceCollection AddForecastIntents(this IServiceCollection services) => services
        .AddScoped<WinProbabilities>()
        .AddScoped<ForecastService>()
        .AddScoped<ForecastCommands>()
        .AddScoped<ManagerCharts>()
        .AddIntent(new IntentRegistration<ForecastIntent>(Forecast)
        {
            Read = (_, text) => ForecastPhrases.Read(text.Message),
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<ForecastCommands>().ShowAsync(turn, intent, ct),
            Risk = IntentRisk.LookUp,
        });
}
