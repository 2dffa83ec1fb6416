using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Reps;

/// <summary>A new rep's first turns arriving together each find the one rep and account that the first of them stored.</summary>
public class FirstContactTests : BotTest
{
    private const int Turns = 8;
    private const int Reps = 10;

    [StoreFact]
    public async Task ConcurrentFirstTurnsOfNewRepsStoreEachRepAndAccountOnce()
    {
        var users = Enumerable.Range(0, Reps).Select(i => BotHarness.User($"new-{i}", $"chat-{i}")).ToList();

        foreach (var user in users)
            await Task.WhenAll(Enumerable.Range(0, Turns).Select(i => TurnAsync(user, i)));

        await using var db = Bot.Database();
        Assert.Equal(Reps, await db.Reps.CountAsync());
        Assert.Equal(users.Select(u => u.UserId).Order(), (await db.RepAccounts.Select(a => a.AccountId).ToListAsync()).Order());
    }

    [StoreFact]
    public async Task ConcurrentFirstTurnsFromANewAccountJoinTheRepWithTheirEmailOnce()
    {
        await using (var db = Bot.Database())
        {
            db.Reps.Add(new Rep { DisplayName = "Darcel Schlecht", Email = "darcel@example.com" });
            await db.SaveChangesAsync();
        }
        var users = Enumerable.Range(0, Reps).Select(i => BotHarness.User($"darcel-{i}", $"chat-{i}") with { Email = "darcel@example.com" }).ToList();

        foreach (var user in users)
            await Task.WhenAll(Enumerable.Range(0, Turns).Select(i => TurnAsync(user, i)));

        await using var check = Bot.Database();
        var rep = await check.Reps.Include(r => r.Accounts).SingleAsync();
        Assert.Equal(users.Select(u => u.UserId).Order(), rep.Accounts.Select(a => a.AccountId).Order());
    }

    // A message, or the install that comes with it: both are a first contact.
    private Task TurnAsync(ChatUser user, int index) => index % 4 == 3
        ? Bot.Host.Services.GetRequiredService<ChatTurns>().RememberAsync(user.Identity, CancellationToken.None)
        : Bot.Host.Services.GetRequiredService<ChatTurns>().RespondAsync(user.Identity, "help", user.Place, CancellationToken.None);
}
