using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Reps;

public sealed record ShowAccountsIntent : Intent;

/// <summary>Which channel accounts are the rep's, so one joined to them by mistake is seen and an admin can unlink it.</summary>
public static class AccountIntents
{
    public static IServiceCollection AddAccountIntents(this IServiceCollection services) => services
        .AddIntent(new IntentRegistration<ShowAccountsIntent>(IntentIds.AccountsShow)
        {
            Read = (_, _) => new ShowAccountsIntent(),
            Act = ShowAsync,
            Risk = IntentRisk.LookUp,
        });

    private static async Task<Reply> ShowAsync(IServiceProvider services, Conversations.RepTurn turn, ShowAccountsIntent _, CancellationToken cancellationToken)
    {
        var accounts = await services.GetRequiredService<SalesCoachDbContext>().RepAccounts.AsNoTracking()
            .Where(a => a.RepId == turn.Rep.Id).OrderBy(a => a.Channel).ThenBy(a => a.AccountId).ToListAsync(cancellationToken);
        var lines = accounts.Select(a => $"{a.Channel} {a.AccountId}" + (a.LastSeenAt is { } seen ? $", last seen {TimeZoneInfo.ConvertTime(seen, turn.Clock.Zone):d MMM yyyy}" : ""));
        return new Reply($"Your accounts ({accounts.Count}), all one rep{(turn.Rep.Email is { } email ? $" ({email})" : "")}:\n" + string.Join("\n", lines) +
                         "\nOne that isn't yours? Ask an admin to unlink it: unlink CHANNEL ACCOUNT, as listed here.");
    }
}
