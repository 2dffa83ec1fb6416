using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>A new rep's first messages arriving together (a message and a card press at once) all become turns for one rep, quietly.</summary>
public sealed class TeamsFirstContactTests : TeamsHostTest
{
    private const int Turns = 8;
    private const int Reps = 10;

    [Fact]
    public async Task ConcurrentFirstTurnsFromANewRepAreAllAnsweredAndTheRepIsStoredOnce()
    {
        var client = Factory.CreateClient();
        // Several new reps in turn, each with messages and card presses at once: the race is narrow, so it is run often.
        var reps = Enumerable.Range(0, Reps).Select(i => Guid.NewGuid().ToString()).ToList();
        foreach (var rep in reps)
        {
            var activities = Enumerable.Range(0, Turns).Select(i => i % 2 == 1
                ? WithAadObjectId(TeamsActivities.CardActionInvoke(Connector.ServiceUrl, "help"), rep)
                : TeamsActivities.PersonalMessage(Connector.ServiceUrl, "help", aadObjectId: rep));

            var responses = await Task.WhenAll(activities.Select(a => client.PostAsJsonAsync("/api/messages", a)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }

        Assert.Equal(Reps * Turns, Connector.Sent.Count);
        Assert.DoesNotContain(Connector.Sent, s => s.Text == HelpReplies.Apology.Text);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.Equal(Reps, await db.Reps.CountAsync());
        var accounts = await db.RepAccounts.ToListAsync();
        Assert.Equal(reps.Order(), accounts.Select(a => a.AccountId).Order());
        Assert.All(accounts, a => Assert.NotNull(a.Address));
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error); // the race is handled: no failed command logged
    }

    private static System.Text.Json.Nodes.JsonObject WithAadObjectId(System.Text.Json.Nodes.JsonObject activity, string aadObjectId)
    {
        activity["from"]!["aadObjectId"] = aadObjectId;
        return activity;
    }
}
