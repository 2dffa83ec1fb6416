using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Channels.Console;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class TeamsIdentityTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeBotConnector connector = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        factory = new BotApplicationFactory(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await connector.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task ATeamsUserIsTheSameRepAsTheirTerminalSelfByEmail()
    {
        connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp $45,000"));

        var output = new StringWriter();
        await ChatCommand.RunAsync(["--user", "alice@example.com"], new StringReader("my deals\n"), output, inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString);

        Assert.Contains("Acme Corp: Prospecting · $45,000", output.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        var rep = await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.Include(r => r.Accounts).SingleAsync();
        Assert.Equal("alice@example.com", rep.Email);
        Assert.Equal(["console", "msteams"], rep.Accounts.Select(a => a.Channel).Order());
    }

    [Fact]
    public async Task TheMemberProfileIsAskedForOnceNotOnEveryMessage()
    {
        connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "my deals"));

        Assert.Equal(1, connector.MemberLookups);
        Assert.Equal(3, connector.Sent.Count);
    }

    [Fact]
    public async Task WhenTeamsCannotTellTheEmailTheMessageIsStillAnswered()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(connector.ServiceUrl, "new deal Acme Corp"));

        response.EnsureSuccessStatusCode();
        Assert.Contains("New deal: Acme Corp", Assert.Single(connector.Sent).Visible);
    }

    [Fact]
    public async Task InstallingTheBotGreetsTheUserWithWhatItCanDo()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalInstall(connector.ServiceUrl));

        var welcome = Assert.Single(connector.Sent);
        Assert.Contains("Hi, I'm SalesCoachBot", welcome.Visible);
        Assert.Contains("new deal Acme Corp $45,000", welcome.Visible);
    }

    [Fact]
    public async Task SomeoneElseJoiningATeamIsNotGreeted()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.TeamMemberJoined(connector.ServiceUrl));

        response.EnsureSuccessStatusCode();
        Assert.Empty(connector.Sent);
    }
}
