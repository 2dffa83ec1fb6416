using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.PostgreSQL;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>
/// The bot as its own process on PostgreSQL, killed outright (SIGKILL) while every Slack message it had
/// acknowledged still waits for its answer: started again under the same name, it answers each once, in order per rep.
/// </summary>
public sealed class KilledHostProcessTests : IAsyncLifetime, IOnPostgres
{
    private const int Reps = 8, MessagesPerRep = 5;
    private const string Instance = "host-a";
    private TestDatabase database = null!;
    private FakeSlack deadSlack = null!, liveSlack = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.ConnectionString is null)
            return; // skipped
        database = await TestDatabase.CreateAsync(onPostgres: true);
        (deadSlack, liveSlack) = (await FakeSlack.StartAsync(), await FakeSlack.StartAsync());
        foreach (var slack in new[] { deadSlack, liveSlack })
            for (var rep = 1; rep <= Reps; rep++)
                slack.AddUser($"U0REP{rep}", $"Rep {rep}", $"rep{rep}@example.com");
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        await deadSlack.DisposeAsync();
        await liveSlack.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task AHostKilledWithAcknowledgedMessagesAnswersEachOnceInOrderWhenStartedAgain()
    {
        deadSlack.Hold("chat.postMessage"); // never opened: no turn gets its answer out
        await using (var killed = await StartAsync(deadSlack))
        {
            using var client = new HttpClient { BaseAddress = killed.BaseAddress };
            for (var message = 1; message <= MessagesPerRep; message++)
                for (var rep = 1; rep <= Reps; rep++)
                {
                    var response = await client.SendAsync(SlackRequests.Event(
                        SlackRequests.DirectMessage($"Ev{rep}x{message}", $"U0REP{rep}", $"show deal Zeta{rep}-{message}", $"D0REP{rep}"), TimeProvider.System.GetUtcNow()));
                    Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                }
            // Every rep's first turn is sending its answer when the host dies; the rest wait behind it.
            await Background.UntilAsync(_ => Task.FromResult(deadSlack.HeldCalls("chat.postMessage") >= Reps), "every rep's first answer held");
            await using (var db = Db())
                Assert.Equal(Reps, await db.Inbox.CountAsync(m => m.LeasedBy == Instance));

            await killed.KillAsync();
        }

        await using var restarted = await StartAsync(liveSlack); // under its own name: it takes back at once what it held

        await liveSlack.WaitForPostsAsync(Reps * MessagesPerRep);
        var posts = liveSlack.Posts("chat.postMessage");
        Assert.Equal(Reps * MessagesPerRep, posts.Count);
        Assert.Empty(deadSlack.Posts("chat.postMessage"));
        for (var rep = 1; rep <= Reps; rep++)
        {
            var answered = posts.Where(p => p["channel"]?.ToString() == $"D0REP{rep}").Select(p => p["text"]?.ToString() ?? "");
            Assert.Equal(Enumerable.Range(1, MessagesPerRep).Select(m => $"Zeta{rep}-{m}"),
                answered.Select(text => System.Text.RegularExpressions.Regex.Match(text, @"Zeta\d+-\d+").Value));
        }
        await using var done = Db();
        // The last turn is marked done just after its answer.
        await Background.UntilAsync(async token => !await done.Inbox.AnyAsync(m => m.DoneAt == null, token), "every turn done");
        Assert.Equal(Reps * MessagesPerRep, await done.Inbox.CountAsync(m => m.LastError == null));
    }

    private Task<BotProcess.Serving> StartAsync(FakeSlack slack)
    {
        var settings = database.Settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        settings["Storage__InstanceId"] = Instance;
        settings["Scheduler__Enabled"] = "false";
        settings["Slack__SigningSecret"] = SlackRequests.SigningSecret;
        settings["Slack__BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
        settings["Slack__ApiBaseUrl"] = slack.ApiUrl;
        return BotProcess.ServeAsync(settings);
    }

    private SalesCoachDbContext Db()
    {
        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        options.UsePostgres(database.ConnectionString);
        return new(options.Options);
    }
}
