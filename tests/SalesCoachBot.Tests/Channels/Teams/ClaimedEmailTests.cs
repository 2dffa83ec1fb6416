using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Deals;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>An e-mail address a Bot Framework client puts on the sender is only a claim: it neither joins a rep nor makes an admin.</summary>
public sealed class ClaimedEmailTests : TeamsHostTest
{
    private const string Admin = "admin@example.com";

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    public async Task AnAdminsAddressOnAnotherClientGrantsNoAdminRights(string channel)
    {
        await UseAdminAsync();

        await PostAsync(Claiming(channel, Admin, "make mallory@example.com a manager"));

        Assert.Contains("Only an admin can make someone a manager.", Assert.Single(Connector.Sent).Visible);
        await using var db = Db();
        Assert.Empty(await db.Audit.ToListAsync());
        Assert.Null((await db.Reps.SingleAsync()).Email);
    }

    [Fact]
    public async Task TeamsWithoutARosterAddressDoesNotFallBackToTheActivitysAddress()
    {
        await UseAdminAsync();
        var activity = TeamsActivities.PersonalMessage(Connector.ServiceUrl, "make mallory@example.com a manager");
        activity["from"]!["email"] = Admin;

        await PostAsync(activity);

        Assert.Contains("Only an admin can make someone a manager.", Assert.Single(Connector.Sent).Visible);
        await using var db = Db();
        Assert.Empty(await db.Audit.ToListAsync());
    }

    [Fact]
    public async Task ASlackRepsAddressOnWebChatDoesNotShowTheirDeals()
    {
        await using (var db = Db())
        {
            var sam = Rep.Create("Sam Slack", "sam@example.com", BotHarness.Start);
            sam.Accounts.Add(new RepAccount { Channel = "slack", AccountId = "U0SAM" });
            db.Deals.Add(Deal.Open("Globex Renewal", new Money(9_000, "USD"), db.Reps.Add(sam).Entity, BotHarness.Start));
            await db.SaveChangesAsync();
        }

        await PostAsync(Claiming("webchat", "sam@example.com", "my deals"));

        Assert.DoesNotContain("Globex", Assert.Single(Connector.Sent).Visible);
        await using var check = Db();
        Assert.Equal(["slack"], await check.RepAccounts.Where(a => check.Reps.Any(r => r.Id == a.RepId && r.Email == "sam@example.com")).Select(a => a.Channel).ToListAsync());
    }

    private SalesCoachDbContext Db() => Factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();

    private async Task UseAdminAsync()
    {
        await Factory.DisposeAsync();
        Factory = new BotApplicationFactory(Database.ConnectionString, settings: new Dictionary<string, string> { ["SalesCoach:Admins:0"] = Admin });
    }

    private JsonObject Claiming(string channel, string email, string text)
    {
        var activity = TeamsActivities.PersonalMessage(Connector.ServiceUrl, text);
        activity["channelId"] = channel;
        activity["from"] = new JsonObject { ["id"] = $"{channel}-mallory", ["name"] = "Mallory", ["email"] = email };
        return activity;
    }

    private async Task PostAsync(JsonObject activity) =>
        (await Factory.CreateClient().PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
}
