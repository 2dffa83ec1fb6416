using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>Nudges delivered through the real host to a local Bot Connector and a local Slack, and the outbox's guarantees.</summary>
public sealed class ProactiveDeliveryTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeBotConnector teams = null!;
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        teams = await FakeBotConnector.StartAsync();
        slack = await FakeSlack.StartAsync();
        slack.AddUser("U0BOB", "Bob Example", "bob@example.com");
        factory = Create();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await teams.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
    }

    private BotApplicationFactory Create() => new(database.ConnectionString, settings: new Dictionary<string, string>
    {
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
        ["Slack:ApiBaseUrl"] = slack.ApiUrl,
    });

    private async Task<int> RunAsync(Func<ProactiveRuns, Task<int>> run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<ProactiveRuns>());
    }

    private Task<int> DispatchAsync() => factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Outbox.OrderBy(m => m.Id).ToListAsync();
    }

    private async Task TeamsSaysAsync(string text) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(teams.ServiceUrl, text))).EnsureSuccessStatusCode();

    private async Task<int> StallAsync()
    {
        factory.Clock.Advance(TimeSpan.FromDays(15));
        return await RunAsync(r => r.NudgesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ANudgeReachesTheTeamsUserAndItsSnoozeButtonWorks()
    {
        await TeamsSaysAsync("new deal Acme Corp $45,000");
        Assert.Equal(1, await StallAsync());

        Assert.Equal(1, await DispatchAsync());
        var nudge = teams.Sent[^1];
        Assert.Equal(TeamsActivities.PersonalConversationId, nudge.ConversationId);
        Assert.Null(nudge.ReplyToId); // a new message, not a reply to the rep's old one
        Assert.Contains("Acme Corp has gone quiet", nudge.Visible);
        var snooze = nudge.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Snooze 3 days")!;

        var press = TeamsActivities.PersonalMessage(teams.ServiceUrl, "");
        press.Remove("text");
        press["value"] = snooze["data"]!.DeepClone();
        (await factory.CreateClient().PostAsJsonAsync("/api/messages", press)).EnsureSuccessStatusCode();

        Assert.Contains("Snoozed Acme Corp until", teams.Sent[^1].Visible);
        Assert.NotNull((await OutboxAsync()).Single().SentAt);
    }

    [Fact]
    public async Task ARepWhoseTeamsSpeaksIndonesianGetsTheNudgeInIndonesianAndItsButtonsWork()
    {
        var message = TeamsActivities.PersonalMessage(teams.ServiceUrl, "new deal Acme Corp Rp 60jt");
        message["locale"] = "id-ID";
        message["entities"]![0]!["locale"] = "id-ID";
        (await factory.CreateClient().PostAsJsonAsync("/api/messages", message)).EnsureSuccessStatusCode();
        Assert.Equal(1, await StallAsync());

        Assert.Equal(1, await DispatchAsync());
        var nudge = teams.Sent[^1];
        Assert.Contains("Acme Corp lagi sepi", nudge.Visible);
        Assert.Contains("Rp 60.000.000", nudge.Visible);
        var snooze = nudge.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Tunda 3 hari")!;

        var press = TeamsActivities.PersonalMessage(teams.ServiceUrl, "");
        press.Remove("text");
        press["value"] = snooze["data"]!.DeepClone();
        (await factory.CreateClient().PostAsJsonAsync("/api/messages", press)).EnsureSuccessStatusCode();

        await using var scope = factory.Services.CreateAsyncScope();
        var deal = await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Deals.SingleAsync();
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(3).Date, deal.SnoozedUntil?.Date);
    }

    [Fact]
    public async Task ANudgeReachesTheSlackUserInADirectMessageAndItsSnoozeButtonWorks()
    {
        var client = factory.CreateClient();
        await client.SendAsync(Event(DirectMessage("Ev2001", "U0BOB", "new deal Globex $12,000"), factory.Clock.GetUtcNow()));
        await slack.WaitForPostsAsync(1);
        // Slack has the answer; the turn ends when the bot has Slack's reply. Moving the clock on before would time the
        // call out, and an answer whose post timed out is sent again through the outbox.
        await Background.UntilAsync(async token =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return !await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Inbox.AnyAsync(m => m.DoneAt == null, token);
        }, "the turn done");
        Assert.Equal(1, await StallAsync());

        Assert.Equal(1, await DispatchAsync());
        Assert.Equal("U0BOB", slack.Posts("conversations.open").Single()["users"]!.GetValue<string>());
        var nudge = slack.Posts("chat.postMessage")[^1];
        Assert.Equal("DU0BOB", nudge["channel"]!.GetValue<string>());
        Assert.StartsWith("Globex has gone quiet", nudge["text"]!.GetValue<string>());
        var buttons = nudge["blocks"]!.AsArray().Last()!["elements"]!.AsArray();
        var snooze = buttons.Select((b, i) => (b, i)).Single(x => x.b!["text"]!["text"]!.GetValue<string>() == "Snooze 1 week");

        await client.SendAsync(ButtonPress("U0BOB", "DU0BOB", snooze.i, snooze.b!["value"]!.GetValue<string>(), slack.ResponseUrl("n1"), factory.Clock.GetUtcNow()));
        await slack.WaitForPostsAsync(3);
        Assert.StartsWith("Snoozed Globex until", slack.Posts("chat.postMessage")[^1]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARateLimitedSendIsRetriedAndDeliveredOnce()
    {
        await TeamsSaysAsync("new deal Acme Corp");
        await StallAsync();
        teams.FailNext(429, "1");

        var delivered = await DispatchAsync();
        if (delivered == 0)
        {
            var waiting = (await OutboxAsync()).Single();
            Assert.Equal("rate limited", waiting.LastError);
            factory.Clock.Advance(waiting.NextAttemptAt - factory.Clock.GetUtcNow());
            delivered = await DispatchAsync();
        }

        Assert.Equal(1, delivered);
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal([429, 200], teams.Attempts.Where(a => a.ConversationId == TeamsActivities.PersonalConversationId).Select(a => a.Status).TakeLast(2));
        Assert.Single(teams.Sent, s => s.Visible.Contains("has gone quiet"));
    }

    [Fact]
    public async Task A403MarksTheUserUnreachableInsteadOfRetryingForever()
    {
        await TeamsSaysAsync("new deal Acme Corp");
        await StallAsync();
        teams.FailNext(403);

        Assert.Equal(0, await DispatchAsync());

        var message = (await OutboxAsync()).Single();
        Assert.NotNull(message.GaveUpAt);
        Assert.Null(message.SentAt);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotNull((await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().RepAccounts.SingleAsync()).UnreachableAt);
        factory.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(0, await RunAsync(r => r.NudgesAsync(CancellationToken.None)));

        await TeamsSaysAsync("my deals"); // writing again makes them reachable again
        Assert.Equal(1, await RunAsync(r => r.NudgesAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task AMessageWrittenBeforeACrashIsSentExactlyOnceAfterTheRestart()
    {
        await TeamsSaysAsync("new deal Acme Corp");
        Assert.Equal(1, await StallAsync());
        var clock = factory.Clock.GetUtcNow();
        await factory.DisposeAsync();

        factory = Create();
        factory.Clock.Advance(clock - factory.Clock.GetUtcNow());
        _ = factory.Server;
        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(0, await RunAsync(r => r.NudgesAsync(CancellationToken.None)));

        Assert.Single(teams.Sent, s => s.Visible.Contains("Acme Corp has gone quiet"));
    }
}
