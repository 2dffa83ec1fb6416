using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesCoachBot.Cli;
using SalesCoachBot.Persistence;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>
/// Quartz with its persistent store in the bot's SQLite file, on the real clock (Quartz keeps its own);
/// downtime is simulated by moving a stored trigger's next fire time into the past while the host is down.
/// </summary>
[Trait("Category", "Slow")]
[Collection(nameof(QuartzSchedulerTests))]
public sealed class QuartzSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase database = new();
    private readonly DateTimeOffset realNow = TimeProvider.System.GetUtcNow();
    private FakeBotConnector teams = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        teams = await FakeBotConnector.StartAsync();
        teams.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        factory = Start(realNow);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await teams.DisposeAsync();
        database.Dispose();
    }

    private BotApplicationFactory Start(DateTimeOffset clock)
    {
        var host = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "true", ["SalesTeams:0:Manager"] = "alice@example.com" }, start: clock);
        _ = host.Server;
        return host;
    }

    private async Task SayAsync(System.Text.Json.Nodes.JsonObject activity) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

    [Fact]
    public async Task AReminderSurvivesARestartAndAfterDowntimeFiresOnce()
    {
        await SayAsync(TeamsActivities.PersonalMessage(teams.ServiceUrl, "new deal Acme Corp"));
        await SayAsync(TeamsActivities.PersonalMessage(teams.ServiceUrl, "called acme today, send the proposal tomorrow"));
        await SayAsync(TeamsActivities.PersonalMessage(teams.ServiceUrl, "confirm"));
        var trigger = new TriggerKey("follow-up-1", "reminders");
        await UntilAsync(async () => await (await Scheduler()).Exists(trigger), "the reminder's trigger");
        var due = (await (await Scheduler()).GetTrigger(trigger))!.NextFireTimeUtc!.Value;
        Assert.True(due > realNow, "the reminder is due tomorrow morning");
        await factory.DisposeAsync();

        MoveNextFireTime("follow-up-1", realNow.AddHours(-1)); // the bot was down when it was due
        factory = Start(due.AddMinutes(5));

        try
        {
            await UntilAsync(() => Task.FromResult(teams.Sent.Any(s => s.Visible.Contains("Follow-up reminder"))), "the reminder in Teams");
        }
        catch (TimeoutException)
        {
            await using var diagnose = factory.Services.CreateAsyncScope();
            var db = diagnose.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
            var state = await (await Scheduler()).GetTriggerState(trigger);
            throw new TimeoutException($"No reminder. Outbox: {string.Join(", ", db.Outbox.Select(m => m.Key + " sent=" + m.SentAt + " err=" + m.LastError))}; " +
                $"follow-ups: {string.Join(", ", db.FollowUps.Select(f => f.Id + " due=" + f.DueOn + " reminded=" + f.RemindedAt))}; trigger: {state}; " +
                $"accounts: {string.Join(", ", db.RepAccounts.Select(a => a.Channel + " addr=" + (a.Address != null) + " unreach=" + a.UnreachableAt))}; clock {factory.Clock.GetUtcNow()} due {due}");
        }
        Assert.Single(teams.Sent, s => s.Visible.Contains("Today's next step on Acme Corp: Send the proposal tomorrow"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Outbox.Where(m => m.Kind == SalesCoachBot.Outbox.MessageKind.Reminder).ToListAsync());
    }

    [Fact]
    public async Task AWeeklyDigestMissedForWeeksFiresOnceWithTheTeamsStalledDealsAndMetrics()
    {
        await SayAsync(TeamsActivities.PersonalMessage(teams.ServiceUrl, "add bob@example.com to my team"));
        await ChatCommand.RunAsync(["--user", "bob@example.com"], new StringReader("new deal Globex $12,000\n"), new StringWriter(), inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString);
        await SayAsync(TeamsActivities.ChannelMention(teams.ServiceUrl, "post the stalled-deal digest here every Monday at 8"));
        Assert.Contains("I'll post the stalled-deal digest here every Monday at 08:00 (Europe/Berlin). It covers your team of 1.", teams.Sent[^1].Visible);
        var trigger = new TriggerKey("digest-1", "digests");
        await UntilAsync(async () => await (await Scheduler()).Exists(trigger), "the digest's trigger");
        await factory.DisposeAsync();

        MoveNextFireTime("digest-1", realNow.AddDays(-21)); // three Mondays missed
        factory = Start(realNow.AddDays(15).AddHours(1));

        await UntilAsync(() => Task.FromResult(teams.Sent.Any(s => s.Visible.Contains("Stalled-deal digest"))), "the digest");
        var digest = teams.Sent.Single(s => s.Visible.Contains("Stalled-deal digest"));
        Assert.Equal("19:8f1b2c3d4e5f@thread.tacv2", digest.ConversationId); // a new post in the channel, not a reply in the thread it was asked in
        Assert.Contains("1 stalled deal across 1 rep, $12,000 at risk.", digest.Visible);
        Assert.Contains("Globex (Prospecting, 15 days idle, $12,000)", digest.Visible);
        Assert.Contains("win rate n/a (no closed deals in this range) · average deal size n/a (no won deals with an amount) · time to close n/a (no won deals in this range) · pipeline velocity n/a (needs won deals and a cycle length)", digest.Visible);
        Assert.True((await (await Scheduler()).GetTrigger(trigger))!.NextFireTimeUtc > TimeProvider.System.GetUtcNow(), "the next digest is next week, not now again");
    }

    private async Task<IScheduler> Scheduler() => await factory.Services.GetRequiredService<SchedulerLifetime>().Running.WaitAsync(TimeSpan.FromSeconds(90));

    private void MoveNextFireTime(string trigger, DateTimeOffset at)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $at WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.Parameters.AddWithValue("$name", trigger);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    // Waits for work the scheduler does on its own threads, checking each 100 ms, for at most 30 s; the
    // bot's clock moves on with the real one meanwhile, as Quartz's does.
    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            if (!await tick.WaitForNextTickAsync(limit.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
                throw new TimeoutException($"Never saw {what}.");
            factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }
}

/// <summary>The Quartz tests run on the real clock, so they run alone rather than beside the rest of the suite.</summary>
[CollectionDefinition(nameof(QuartzSchedulerTests), DisableParallelization = true)]
public sealed class QuartzSchedulerCollection;
