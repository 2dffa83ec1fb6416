using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>
/// Slack messages acknowledged by a host that then dies (its turns hang before they change anything and
/// it never comes back) all run, each once and in order per rep: at once on the same host restarted, or
/// on another host once the dead one's leases run out.
/// </summary>
public class SlackInboxAcrossHostsTests : IAsyncLifetime
{
    private const int Reps = 8, MessagesPerRep = 5;
    private TestDatabase database = null!;
    private FakeSlack deadSlack = null!, liveSlack = null!;
    private readonly List<BotApplicationFactory> hosts = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        (deadSlack, liveSlack) = (await FakeSlack.StartAsync(), await FakeSlack.StartAsync());
        foreach (var slack in new[] { deadSlack, liveSlack })
            for (var rep = 1; rep <= Reps; rep++)
                slack.AddUser($"U0REP{rep}", $"Rep {rep}", $"rep{rep}@example.com");
        deadSlack.HoldUserInfo(); // never opened: the first host's turns hang there
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
        await deadSlack.DisposeAsync();
        await liveSlack.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task TheSameHostRestartedRunsWhatItHadAcknowledged()
    {
        await AcknowledgeAllThenDieAsync();

        Start("host-a", liveSlack); // restarted under its own name: it gives back what it held at once

        await liveSlack.WaitForPostsAsync(Reps * MessagesPerRep);
        await AssertEachRanOnceInOrderAsync();
    }

    [StoreFact]
    public async Task AnotherHostRunsThemOnceTheDeadHostsLeasesRunOut()
    {
        await AcknowledgeAllThenDieAsync();
        var survivor = Start("host-b", liveSlack);
        await using (var db = Db(survivor))
            Assert.Equal(Reps, await db.Inbox.CountAsync(m => m.LeasedBy == "host-a")); // still held by the dead host

        survivor.Clock.Advance(Inbox.Lease + TimeSpan.FromSeconds(5));
        // A worker that finds nothing to claim (its look may have started before that advance) looks again after its
        // round on this host's clock: while the answers stall, that clock moves on as a real one would.
        var (answered, polls) = (0, 0);
        await Background.UntilAsync(_ =>
        {
            var now = liveSlack.Posts("chat.postMessage").Count;
            if (now != answered)
                (answered, polls) = (now, 0);
            else if (++polls % 50 == 0)
                survivor.Clock.Advance(TimeSpan.FromSeconds(2));
            return Task.FromResult(now >= Reps * MessagesPerRep);
        }, $"{Reps * MessagesPerRep} answers");
        await AssertEachRanOnceInOrderAsync();
    }

    private async Task AcknowledgeAllThenDieAsync()
    {
        var dying = Start("host-a", deadSlack);
        var client = dying.CreateClient();
        for (var message = 1; message <= MessagesPerRep; message++)
            for (var rep = 1; rep <= Reps; rep++)
            {
                var response = await client.SendAsync(SlackRequests.Event(
                    SlackRequests.DirectMessage($"Ev{rep}x{message}", $"U0REP{rep}", $"show deal Zeta{rep}-{message}", $"D0REP{rep}"), dying.Clock.GetUtcNow()));
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }
        await Background.UntilAsync(async token => await Db(dying).Inbox.CountAsync(m => m.LeasedBy == "host-a", token) >= Reps, "every lane leased by host-a");
        // From here host-a is dead: every lane's first turn hangs in it, it answers nothing and gives nothing back.
    }

    private async Task AssertEachRanOnceInOrderAsync()
    {
        var posts = liveSlack.Posts("chat.postMessage");
        Assert.Equal(Reps * MessagesPerRep, posts.Count);
        Assert.Empty(deadSlack.Posts("chat.postMessage"));
        for (var rep = 1; rep <= Reps; rep++)
        {
            var answered = posts.Where(p => p["channel"]?.ToString() == $"D0REP{rep}").Select(p => p["text"]?.ToString() ?? "").ToList();
            Assert.Equal(Enumerable.Range(1, MessagesPerRep).Select(m => $"Zeta{rep}-{m}"),
                answered.Select(text => System.Text.RegularExpressions.Regex.Match(text, @"Zeta\d+-\d+").Value));
        }
        await using var db = Db(hosts[^1]);
        // The last turn is marked done just after its answer.
        await Background.UntilAsync(async token => !await db.Inbox.AnyAsync(m => m.DoneAt == null, token), "every turn done");
        Assert.Equal(Reps * MessagesPerRep, await db.Inbox.CountAsync(m => m.LastError == null));
    }

    private BotApplicationFactory Start(string instance, FakeSlack slack)
    {
        var settings = database.Settings.Where(s => s.Key != "ConnectionStrings:SalesCoach").ToDictionary(s => s.Key, s => s.Value!);
        settings["Storage:InstanceId"] = instance;
        settings["Slack:SigningSecret"] = SlackRequests.SigningSecret;
        settings["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
        settings["Slack:ApiBaseUrl"] = slack.ApiUrl;
        var host = new BotApplicationFactory(database.ConnectionString, settings: settings);
        _ = host.Server;
        hosts.Add(host);
        return host;
    }

    private static SalesCoachDbContext Db(BotApplicationFactory host) =>
        host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();
}

public sealed class SlackInboxAcrossHostsTestsOnPostgres : SlackInboxAcrossHostsTests, IOnPostgres;
