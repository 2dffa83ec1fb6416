using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Wins;

public sealed record StartWinWireIntent : Intent;

public sealed record StopWinWireIntent : Intent;

public static class WinWireIntents
{
    public const string Start = "win-wire-start";
    public const string Stop = "win-wire-stop";

    public static IServiceCollection AddWinWireIntents(this IServiceCollection services) => services
        .AddScoped<WinWireCommands>()
        .AddIntent(new IntentRegistration<StartWinWireIntent>(Start)
        {
            Read = (_, _) => new StartWinWireIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<WinWireCommands>().StartAsync(turn, ct),
        })
        .AddIntent(new IntentRegistration<StopWinWireIntent>(Stop)
        {
            Read = (_, _) => new StopWinWireIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<WinWireCommands>().StopAsync(turn, ct),
        });
}
