using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.PostgreSQL;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>
/// The bot as its own process on a PostgreSQL server that is stopped mid-stream and started again: readiness goes
/// and comes back, a delivery during the outage is refused (so Slack sends it again) rather than lost, a turn whose
/// answer was on its way is answered and applied once, and the whole outage is one warning in the log.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime, IOnPostgres
{
    private const string Alice = "U0ALICE";
    private ThrowAwayPostgres server = null!;
    private FakeSlack slack = null!;
    private BotProcess.Serving bot = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.ConnectionString is null)
            return; // skipped
        server = await ThrowAwayPostgres.StartAsync();
        slack = await FakeSlack.StartAsync();
        slack.AddUser(Alice, "Alice Example", "alice@example.com");
        bot = await BotProcess.ServeAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__SalesCoach"] = server.ConnectionString,
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__InstanceId"] = "host-a",
            ["Slack__SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack__BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            ["Slack__ApiBaseUrl"] = slack.ApiUrl,
        });
        client = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        if (server is null)
            return;
        client.Dispose();
        await bot.DisposeAsync();
        await slack.DisposeAsync();
        await server.DisposeAsync();
    }

    [StoreFact]
    public async Task AnOutageLosesNothingAcknowledgedAppliesEachTurnOnceAndIsOneWarning()
    {
        Assert.Equal(HttpStatusCode.OK, await SayAsync("Ev1", "new deal Before Corp $1,000"));
        await slack.WaitForPostsAsync(1);

        var answer = slack.Hold("chat.postMessage"); // a turn whose answer is on its way when the database stops
        Assert.Equal(HttpStatusCode.OK, await SayAsync("Ev2", "new deal Inflight Corp $2,000"));
        await Background.UntilAsync(_ => Task.FromResult(slack.HeldCalls("chat.postMessage") == 1), "the answer on its way");

        await server.StopAsync();
        await Background.UntilAsync(async token => (await client.GetAsync("/healthz/ready", token)).StatusCode == HttpStatusCode.ServiceUnavailable, "not ready");
        Assert.Equal(HttpStatusCode.InternalServerError, await SayAsync("Ev3", "new deal During Corp $3,000")); // not stored: Slack sends it again
        answer.SetResult(); // Slack takes the answer while the database is away
        await slack.WaitForPostsAsync(2);

        await server.StartAgainAsync();
        await Background.UntilAsync(async token => (await client.GetAsync("/healthz/ready", token)).IsSuccessStatusCode, "ready again");
        Assert.Equal(HttpStatusCode.OK, await SayAsync("Ev3", "new deal During Corp $3,000")); // Slack's retry
        await slack.WaitForPostsAsync(3);

        await using (var db = Db())
        {
            Assert.Equal(["Before Corp", "During Corp", "Inflight Corp"], await db.Deals.Select(d => d.Name).OrderBy(n => n).ToListAsync());
            await Background.UntilAsync(async token => !await db.Inbox.AnyAsync(m => m.DoneAt == null, token), "every turn done");
            Assert.All(await db.Inbox.ToListAsync(), m => Assert.Equal((1, (string?)null), (m.Attempts, m.LastError)));
        }
        Assert.Equal(3, slack.Posts("chat.postMessage").Count);

        // One warning, no failure and no stack trace: the log lines that are not information, with the line after each.
        var log = bot.Output.Split('\n');
        var notable = log.Select((line, i) => (line, i)).Where(l => l.line is ['w' or 'f' or 'c', _, _, _, ':', ..] && !l.line.StartsWith("info:") || l.line.TrimStart().StartsWith("at "))
            .Select(l => l.line + (l.i + 1 < log.Length ? "\n" + log[l.i + 1] : "")).ToList();
        Assert.True(notable.Count == 1 && notable[0].StartsWith($"warn: {typeof(DatabaseOutages).FullName}"), string.Join("\n", notable));
    }

    private async Task<HttpStatusCode> SayAsync(string eventId, string text) =>
        (await client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage(eventId, Alice, text, "D0ALICE"), TimeProvider.System.GetUtcNow()))).StatusCode;

    private SalesCoachDbContext Db()
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        options.UsePostgres(server.ConnectionString);
        return new(options.Options);
    }
}
