using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class TeamSetupTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TeamsFromConfigurationAreAppliedAtStartUp()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["SalesTeams:0:Manager"] = "carol@example.com",
            ["SalesTeams:0:Reps:0"] = "alice@example.com",
            ["SalesTeams:0:Reps:1"] = "Bob@Example.com",
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var carol = await db.Reps.SingleAsync(r => r.Email == "carol@example.com");
        Assert.Equal(["alice@example.com", "bob@example.com"], await db.Reps.Where(r => r.ManagerId == carol.Id).OrderBy(r => r.Email).Select(r => r.Email).ToListAsync());
    }

    [Fact]
    public async Task AnAddressNamedTwiceInTheSettingsIsOneRep()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["SalesTeams:0:Manager"] = "carol@example.com",
            ["SalesTeams:0:Reps:0"] = "erin@example.com",
            ["SalesTeams:0:Reps:1"] = "Erin@Example.com ",
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var carol = await db.Reps.SingleAsync(r => r.Email == "carol@example.com");
        Assert.Equal(carol.Id, (await db.Reps.SingleAsync(r => r.Email == "erin@example.com")).ManagerId);
    }

    [Fact]
    public async Task AManagerBuildsTheirTeamByChatAndTheDigestIsOnlyOfferedInAChannel()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        await using var factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["SalesTeams:0:Manager"] = "alice@example.com" });
        var client = factory.CreateClient();

        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "add bob@example.com to my team"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "add dana@example.com to my team"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "remove bob@example.com from my team"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "post the digest here every friday at 4pm"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(connector.ServiceUrl, "post the digest here every friday at 4pm"));
        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(connector.ServiceUrl, "stop the digest"));

        Assert.Contains("Your team: dana@example.com.", connector.Sent[2].Visible);
        Assert.Contains("Say this in the team channel where the digest should go", connector.Sent[3].Visible);
        Assert.Contains("every Friday at 16:00 (Europe/Berlin). It covers your team of 1.", connector.Sent[4].Visible);
        Assert.Contains("Stopped: no more digests in this conversation.", connector.Sent[5].Visible);
    }
}
