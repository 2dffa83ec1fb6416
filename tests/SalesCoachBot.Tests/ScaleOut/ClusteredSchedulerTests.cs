using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>
/// Two hosts, each with Quartz clustered on the one PostgreSQL database, on the real clock (Quartz keeps
/// its own): a digest trigger fires on one host only; with that host gone, the other fires the next one.
/// </summary>
[Trait("Category", "Slow")]
[Collection(nameof(SalesCoachBot.Tests.Scheduling.QuartzSchedulerTests))]
public sealed class ClusteredSchedulerTests : IAsyncLifetime, IOnPostgres
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private PostgresDatabase database = null!;
    private FakeBotConnector teams = null!;
    private readonly Dictionary<string, BotApplicationFactory> hosts = [];

    public async Task InitializeAsync()
    {
        if (PostgresServer.ConnectionString is null)
            return; // skipped
        database = await PostgresDatabase.CreateAsync();
        teams = await FakeBotConnector.StartAsync();
        teams.AddMember(TeamsActivities.AliceTeamsUserId, TeamsActivities.AliceAadObjectId, "Alice Example", "alice@example.com");
        foreach (var name in new[] { "host-a", "host-b" })
            hosts[name] = Start(name);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts.Values)
            await host.DisposeAsync();
        if (teams is not null)
            await teams.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }

    [StoreFact]
    public async Task ADigestFiresOnOneHostAndWithThatHostGoneTheOtherFiresTheNext()
    {
        var client = hosts["host-a"].CreateClient();
        (await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(teams.ServiceUrl, "post the stalled-deal digest here every Monday at 8"))).EnsureSuccessStatusCode();
        Assert.Contains("I'll post the stalled-deal digest here every Monday at 08:00", teams.Sent[^1].Visible);
        var scheduler = await hosts["host-a"].Services.GetRequiredService<SchedulerLifetime>().Running.WaitAsync(TimeSpan.FromSeconds(90));
        await UntilAsync(async () => await scheduler.Exists(new TriggerKey("digest-1", "digests")), exists => exists, "the digest's trigger");

        await FireSoonAsync(hosts["host-a"], "first");
        List<string> first;
        try
        {
            first = await UntilAsync(() => ExecutionsAsync("first"), runs => runs.Count > 0, "the first digest");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(await DumpAsync("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'qrtz%'") + " | " +
                await DumpAsync("SELECT trigger_name || ':' || trigger_state || ':' || next_fire_time FROM qrtz_triggers") + " | " +
                await DumpAsync("SELECT instance_name || ':' || last_checkin_time FROM qrtz_scheduler_state") + " | " + string.Join(";", teams.Sent.Select(x => x.Visible)));
        }
        await UntilAsync(async () => teams.Sent.Count(s => s.Visible.Contains("Stalled-deal digest")), posted => posted > 0, "the digest in Teams");
        Assert.Single(await ExecutionsAsync("first")); // fired once, by one of the two hosts

        var firedBy = Assert.Single(first);
        var survivor = hosts.Keys.Single(name => name != firedBy);
        await FireSoonAsync(hosts[firedBy], "second", TimeSpan.FromSeconds(12));
        await hosts[firedBy].DisposeAsync();
        hosts.Remove(firedBy);

        var second = await UntilAsync(() => ExecutionsAsync("second"), runs => runs.Count > 0, "the next digest");
        Assert.Equal([survivor], second);
    }

    // A one-off trigger for the digest job, with the subscription the channel just made.
    private static async Task FireSoonAsync(BotApplicationFactory host, string name, TimeSpan? after = null)
    {
        var scheduler = await host.Services.GetRequiredService<SchedulerLifetime>().Running.WaitAsync(TimeSpan.FromSeconds(90));
        var subscription = (await scheduler.GetTriggersOfJob(DigestJob.Key)).Single(t => t.Key.Name == "digest-1").JobDataMap;
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(name, "digests").ForJob(DigestJob.Key).UsingJobData(subscription)
            .StartAt(TimeProvider.System.GetUtcNow() + (after ?? TimeSpan.FromSeconds(2))).Build());
    }

    private Task<List<string>> ExecutionsAsync(string trigger) =>
        QueryAsync("SELECT instance_name FROM qrtz_execution_history WHERE trigger_name = @p", trigger);

    private async Task<string> DumpAsync(string sql) => string.Join(", ", await QueryAsync(sql));

    // The first column of each row, as text.
    private async Task<List<string>> QueryAsync(string sql, string? parameter = null)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
            command.Parameters.AddWithValue("p", parameter);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetValue(0)?.ToString() ?? "");
        return rows;
    }

    private BotApplicationFactory Start(string instance)
    {
        var host = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:InstanceId"] = instance,
            ["Scheduler:Enabled"] = "true",
            ["SalesTeams:0:Manager"] = "alice@example.com",
        }, start: TimeProvider.System.GetUtcNow());
        _ = host.Server;
        return host;
    }

    // Waits for work the schedulers do on their own threads, checking every 200 ms; the hosts' clocks move
    // on with the real one meanwhile, as Quartz's does.
    private async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        using var limit = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (!await tick.WaitForNextTickAsync(limit.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
                throw new TimeoutException($"Never saw {what}.");
            foreach (var host in hosts.Values)
                host.Clock.Advance(TimeSpan.FromMilliseconds(200));
        }
    }
}
