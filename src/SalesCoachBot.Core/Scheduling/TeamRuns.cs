using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Escalations;
using SalesCoachBot.Outbox;

namespace SalesCoachBot.Scheduling;

/// <summary>
/// What the stall sweep sends for managers and after a sale: escalations of long-stalled deals, the win wire and the
/// after-sale check-ins. Each message is keyed in
/// the outbox, so however many hosts sweep, each goes out once.
/// </summary>
public sealed class TeamRuns(EscalationPlanner escalations, Wins.WinWirePlanner wins, Wins.AfterSalePlanner afterSale, OutboxWriter outbox)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await outbox.WriteAsync(await PreviewAsync(cancellationToken), cancellationToken);

    /// <summary>What would go out now, without writing anything (for "jobs preview").</summary>
    public async Task<IReadOnlyList<PlannedMessage>> PreviewAsync(CancellationToken cancellationToken) =>
        [.. await escalations.PlanAsync(cancellationToken), .. await wins.PlanAsync(cancellationToken), .. await afterSale.PlanAsync(cancellationToken)];
}

public static class TeamRunServices
{
    public static IServiceCollection AddTeamRuns(this IServiceCollection services) => services
        .AddScoped<EscalationPlanner>()
        .AddScoped<Wins.WinWirePlanner>()
        .AddScoped<Wins.AfterSalePlanner>()
        .AddScoped<TeamRuns>();
}
