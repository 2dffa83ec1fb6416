using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Cli;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class TeamsIdentityTests : TeamsHostTest
{
    [Fact]
    public async Task ATeamsUserIsTheSameRepAsTheirTerminalSelfByEmail()
    {
        Connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000"));

        var output = new StringWriter();
        await ChatCommand.RunAsync(["--user", "alice@example.com"], new StringReader("my deals\n"), output, inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = Database.ConnectionString);

        Assert.Contains("Acme Corp: Prospecting · $45,000", output.ToString());
        await using var scope = Factory.Services.CreateAsyncScope();
        var rep = await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.Include(r => r.Accounts).SingleAsync();
        Assert.Equal("alice@example.com", rep.Email);
        Assert.Equal(["console", "msteams"], rep.Accounts.Select(a => a.Channel).Order());
    }

    [Fact]
    public async Task TheMemberProfileIsAskedForOnceNotOnEveryMessage()
    {
        Connector.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        var client = Factory.CreateClient();
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "my deals"));

        Assert.Equal(1, Connector.MemberLookups);
        Assert.Equal(3, Connector.Sent.Count);
    }

    [Fact]
    public async Task WhenTeamsCannotTellTheEmailTheMessageIsStillAnswered()
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp"));

        response.EnsureSuccessStatusCode();
        Assert.Contains("New deal: Acme Corp", Assert.Single(Connector.Sent).Visible);
    }

    [Fact]
    public async Task InstallingTheBotGreetsTheUserWithWhatItCanDo()
    {
        await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalInstall(Connector.ServiceUrl));

        var welcome = Assert.Single(Connector.Sent);
        Assert.Contains("Hi, I'm SalesCoachBot", welcome.Visible);
        Assert.Contains("new deal Acme Corp $45,000", welcome.Visible);
    }

    [Fact]
    public async Task SomeoneElseJoiningATeamIsNotGreeted()
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.TeamMemberJoined(Connector.ServiceUrl));

        response.EnsureSuccessStatusCode();
        Assert.Empty(Connector.Sent);
    }
}
