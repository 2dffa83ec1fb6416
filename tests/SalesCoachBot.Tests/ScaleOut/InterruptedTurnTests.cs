using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>
/// A Slack turn cut short after it saved its changes — its host stopped or died while the answer was on its way, or
/// the database went away just as it ended — is not applied a second time by the host that takes it up again, which sends
/// the answer the turn had kept.
/// </summary>
public class InterruptedTurnTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private FakeSlack firstSlack = null!, secondSlack = null!;
    private readonly List<BotApplicationFactory> hosts = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        (firstSlack, secondSlack) = (await FakeSlack.StartAsync(), await FakeSlack.StartAsync());
        foreach (var slack in new[] { firstSlack, secondSlack })
            slack.AddUser(SlackHost.Alice, "Alice Example", "alice@example.com");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
        await firstSlack.DisposeAsync();
        await secondSlack.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task AnUndoWhoseHostDiedBeforeAnsweringIsNotUndoneAgainByAnotherHost()
    {
        var first = Start("host-a", firstSlack);
        await SayAsync(first, "Ev1", "new deal Acme Corp $45,000");
        await SayAsync(first, "Ev2", "new deal Globex $12,000");
        await firstSlack.WaitForPostsAsync(2);
        await Background.UntilAsync(async token => !await Db(first).Inbox.AnyAsync(m => m.DoneAt == null, token), "both turns done");

        firstSlack.Hold("chat.postMessage"); // the undo is saved, then its answer hangs: host-a dies there
        await SayAsync(first, "Ev3", "undo");
        await Background.UntilAsync(async token => await Db(first).Deals.CountAsync(token) == 1, "the undo saved");

        var second = Start("host-b", secondSlack);
        second.Clock.Advance(Inbox.Lease + TimeSpan.FromSeconds(5)); // host-a's lease runs out
        await Background.UntilAsync(async token =>
        {
            second.Clock.Advance(TimeSpan.FromSeconds(2)); // the worker's round
            return !await Db(second).Inbox.AnyAsync(m => m.DoneAt == null, token);
        }, "the cut-short undo taken up and done");

        await using var db = Db(second);
        Assert.Equal(["Acme Corp"], await db.Deals.Select(d => d.Name).ToListAsync());
        var undo = await db.Inbox.SingleAsync(m => m.DeliveryId.EndsWith("Ev3"));
        Assert.Equal((2, (string?)null), (undo.Attempts, undo.LastError));
        // The answer host-a never got out (the undo of Globex) is the one host-b sends.
        Assert.Contains("Globex", Assert.Single(secondSlack.Posts("chat.postMessage"))["text"]?.ToString());
    }

    [StoreFact]
    public async Task ATurnWhoseDoneMarkFailsForAMomentIsMarkedOnceTheDatabaseAnswersAndNotRunAgain()
    {
        var outage = new FailingDoneMarks(times: 3);
        var host = Start("host-a", firstSlack, outage);
        await SayAsync(host, "Ev1", "new deal Acme Corp $45,000");
        await Background.UntilAsync(async token =>
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(500)); // the waits between tries
            return await Db(host).Inbox.AnyAsync(m => m.DoneAt != null, token);
        }, "the turn marked done");
        Assert.Equal(3, outage.Failed);

        host.Clock.Advance(Inbox.Lease + TimeSpan.FromSeconds(5)); // were it still leased, its lease would run out now
        for (var round = 0; round < 5; round++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Yield();
        }

        await using var db = Db(host);
        var message = await db.Inbox.SingleAsync();
        Assert.Equal((1, (string?)null), (message.Attempts, message.LastError));
        Assert.Single(firstSlack.Posts("chat.postMessage"));
        Assert.Single(await db.Deals.ToListAsync());
    }

    private static async Task SayAsync(BotApplicationFactory host, string eventId, string text) =>
        (await host.CreateClient().SendAsync(SlackRequests.Event(SlackRequests.DirectMessage(eventId, SlackHost.Alice, text, "D0ALICE"), host.Clock.GetUtcNow())))
            .EnsureSuccessStatusCode();

    private BotApplicationFactory Start(string instance, FakeSlack slack, IInterceptor? interceptor = null)
    {
        var settings = database.Settings.Where(s => s.Key != "ConnectionStrings:SalesCoach").ToDictionary(s => s.Key, s => s.Value!);
        settings["Storage:InstanceId"] = instance;
        settings["Slack:SigningSecret"] = SlackRequests.SigningSecret;
        settings["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
        settings["Slack:ApiBaseUrl"] = slack.ApiUrl;
        var host = new BotApplicationFactory(database.ConnectionString, settings: settings,
            services: interceptor is null ? null : services => services.ConfigureDbContext<SalesCoachDbContext>(o => o.AddInterceptors(interceptor)));
        _ = host.Server;
        hosts.Add(host);
        return host;
    }

    private static SalesCoachDbContext Db(BotApplicationFactory host) =>
        host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();

    /// <summary>The database refuses the statement that marks a stored message done, a given number of times.</summary>
    private sealed class FailingDoneMarks(int times) : DbCommandInterceptor
    {
        public int Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Inbox\"") && command.CommandText.Contains("\"DoneAt\" =") && Failed < times)
            {
                Failed++;
                throw new InvalidOperationException("the database is not answering");
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class InterruptedTurnTestsOnPostgres : InterruptedTurnTests, IOnPostgres;
