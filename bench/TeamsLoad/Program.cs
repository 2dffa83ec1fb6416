using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Host = BenchProcess; // a bot under load, started as its own process

// Teams message activities from many users against two bots on this machine, side by side: the stock
// CloudAdapter echo bot and SalesCoachBot, both answering through a fake Bot Connector on 127.0.0.1 that
// this process runs. Blocks are interleaved (echo, bot, bot, echo, …) so a machine whose speed drifts
// affects both alike; the table gives medians over the repetitions, and each ratio (bot ÷ echo) is the
// median of the ratios of the block pairs.
//   dotnet TeamsLoad.dll --echo EchoBot.dll --bot SalesCoachBot.dll [--seconds 6] [--repetitions 3] [--concurrency 1,8,32] [--users 50]
// With --during-sweep it measures SalesCoachBot alone, its turns while its stall sweep runs against after (SweepLoad.cs):
//   dotnet TeamsLoad.dll --echo EchoBot.dll --bot SalesCoachBot.dll --during-sweep [--reps 10000] [--deals 1000000] [--repetitions 3] [--concurrency 8] [--drain-seconds 60]
var options = Options.Parse(args);
var folder = Directory.CreateTempSubdirectory("salescoach-bench-").FullName;
var hosts = new List<Host>();
try
{
    await using var connector = await FakeConnector.StartAsync(options.Users);
    if (options.DuringSweep)
    {
        await SweepLoad.RunAsync(options, connector, new Load(connector.ServiceUrl, options.Users), folder);
        return;
    }
    Console.WriteLine($"fake Bot Connector on {connector.ServiceUrl}; {options.Users} users; blocks of {options.Seconds} s; " +
                      $"concurrency {string.Join("/", options.Concurrency)}; {options.Repetitions} repetitions");

    var botSettings = new Dictionary<string, string>
    {
        ["ConnectionStrings__SalesCoach"] = $"Data Source={Path.Combine(folder, "bench.db")}",
        ["Teams__AllowedServiceUrlHosts__0"] = "127.0.0.1",
    };
    var load = new Load(connector.ServiceUrl, options.Users);
    // The bot's first start makes its database and, answering each user's first message (which makes them a rep
    // with a deal), its understanding model's cache: the start-up figure is a start on an existing database.
    var first = await Host.StartAsync("SalesCoachBot", options.Bot, botSettings, folder);
    await load.SeedAsync(first);
    await first.StopAsync();
    // Each host's first turn is sent the moment it first answers /healthz 200, as a load balancer would send it traffic.
    var echo = await Host.StartAsync("echo bot", options.Echo, new Dictionary<string, string>(), folder);
    hosts.Add(echo);
    var echoFirstTurn = await load.FirstTurnAsync(echo);
    var bot = await Host.StartAsync("SalesCoachBot", options.Bot, botSettings, folder);
    hosts.Add(bot);
    var botFirstTurn = await load.FirstTurnAsync(bot);
    Console.WriteLine($"start → /healthz 200: echo bot {echo.StartUp.TotalSeconds:0.00} s, SalesCoachBot {bot.StartUp.TotalSeconds:0.00} s; " +
                      $"first turn after it: echo bot {echoFirstTurn.TotalMilliseconds:0} ms, SalesCoachBot {botFirstTurn.TotalMilliseconds:0} ms");

    foreach (var host in hosts)
        await load.RunAsync(host, 8, TimeSpan.FromSeconds(Math.Max(2, options.Seconds / 2)));

    var results = new List<BlockResult>();
    for (var repetition = 0; repetition < options.Repetitions; repetition++)
        foreach (var concurrency in options.Concurrency)
            foreach (var host in repetition % 2 == 0 ? new[] { echo, bot } : [bot, echo])
            {
                var result = await load.RunAsync(host, concurrency, TimeSpan.FromSeconds(options.Seconds)) with { Repetition = repetition };
                results.Add(result);
                Console.WriteLine($"  {host.Name,-14} c={concurrency,-3} {result.TurnsPerSecond,7:0.0} turns/s  p99 {result.P99.TotalMilliseconds,6:0} ms  " +
                                  $"CPU {result.CpuPerTurn.TotalMilliseconds,5:0.00} ms/turn  errors {result.Errors}");
            }

    Report.Print(options, connector, (echo, echoFirstTurn), (bot, botFirstTurn), results);

    if (options.Postgres is { } postgres)
        await ScaleOut.CompareAsync(options, load, bot, postgres, options.Bot, botSettings, folder, hosts);
}
finally
{
    foreach (var host in hosts)
        await host.StopAsync();
    Directory.Delete(folder, recursive: true);
}

internal sealed record Options(string Echo, string Bot, int Seconds, int Repetitions, int[] Concurrency, int Users, string? Postgres = null)
{
    /// <summary>--during-sweep: the turns while the stall sweep runs over <see cref="Reps"/> reps' <see cref="Deals"/> stalled deals, at <see cref="SweepConcurrency"/>.</summary>
    public bool DuringSweep { get; init; }
    public int Reps { get; init; } = 10_000;
    public int Deals { get; init; } = 1_000_000;
    public int SweepConcurrency { get; init; } = 8;
    /// <summary>How long after the sweep the outbox may take to send its nudges before the block "after" starts anyway.</summary>
    public int DrainSeconds { get; init; } = 60;

    public static Options Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }
        return new(Path.GetFullPath(Value("--echo")), Path.GetFullPath(Value("--bot")), int.Parse(Value("--seconds", "6"), CultureInfo.InvariantCulture),
            int.Parse(Value("--repetitions", "3"), CultureInfo.InvariantCulture),
            [.. Value("--concurrency", "1,8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            int.Parse(Value("--users", "50"), CultureInfo.InvariantCulture), Array.IndexOf(args, "--postgres") >= 0 ? Value("--postgres") : null)
        {
            DuringSweep = Array.IndexOf(args, "--during-sweep") >= 0,
            Reps = int.Parse(Value("--reps", "10000"), CultureInfo.InvariantCulture),
            Deals = int.Parse(Value("--deals", "1000000"), CultureInfo.InvariantCulture),
            SweepConcurrency = int.Parse(Value("--concurrency", "8").Split(',')[0], CultureInfo.InvariantCulture),
            DrainSeconds = int.Parse(Value("--drain-seconds", "60"), CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>A bot as its own process (dotnet BOT.dll --urls …), with its CPU time and memory read from the OS.</summary>
internal sealed record BlockResult(string Host, int Concurrency, double TurnsPerSecond, TimeSpan P99, TimeSpan CpuPerTurn, int Errors)
{
    public int Repetition { get; init; }
}

/// <summary>Teams message activities from <c>users</c> people, each in their own personal chat, as fast as the bot answers.</summary>
internal sealed class Load(string serviceUrl, int users)
{
    // What reps ask most: their deals, help, their numbers.
    private static readonly string[] Texts = ["my deals", "help", "my numbers", "my deals"];

    private readonly HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(100),
    };

    private long next;
    private long activityId = 1_772_442_000_000;

    public async Task SeedAsync(Host host)
    {
        for (var user = 0; user < users; user++)
            if (!await PostAsync(host, user, $"new deal Acme {user} $10,000"))
                throw new InvalidOperationException($"{host.Name} did not take the first message of user {user}");
    }

    /// <summary>One turn of a seeded user (a rep with a deal), timed from sending to the bot's answer.</summary>
    public async Task<TimeSpan> FirstTurnAsync(Host host)
    {
        var started = Stopwatch.GetTimestamp();
        if (!await PostAsync(host, 0, Texts[0]))
            throw new InvalidOperationException($"{host.Name} did not take its first message after /healthz 200");
        return Stopwatch.GetElapsedTime(started);
    }

    public Task<BlockResult> RunAsync(Host host, int concurrency, TimeSpan duration) => RunAsync(host.Name, [host], concurrency, duration);

    /// <summary>Hosts behind one address, as a load balancer spreads the turns: round robin.</summary>
    public async Task<BlockResult> RunAsync(string name, IReadOnlyList<Host> hosts, int concurrency, TimeSpan duration)
    {
        var cpuBefore = hosts.Sum(h => h.CpuTime.Ticks);
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var (latencies, errors) = (new List<long>(), 0);
            while (watch.Elapsed < duration)
            {
                var message = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                if (await PostAsync(hosts[(int)(message % hosts.Count)], (int)(message % users), Texts[message / users % Texts.Length]))
                    latencies.Add(Stopwatch.GetTimestamp() - started);
                else
                    errors++;
            }
            return (latencies, errors);
        })).ToArray();
        var done = await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var cpu = TimeSpan.FromTicks(hosts.Sum(h => h.CpuTime.Ticks) - cpuBefore);
        var latencies = done.SelectMany(d => d.latencies).Order().ToArray();
        var turns = latencies.Length;
        var p99 = turns == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, latencies[Math.Min(turns - 1, (int)Math.Ceiling(turns * 0.99) - 1)]);
        return new BlockResult(name, concurrency, turns / elapsed.TotalSeconds, p99, turns == 0 ? TimeSpan.Zero : cpu / turns, done.Sum(d => d.errors));
    }

    /// <summary>
    /// Turns at <paramref name="concurrency"/> until <paramref name="stop"/>, each with when it was sent and answered
    /// (Stopwatch timestamps), and when each failed request (not 2xx) was sent.
    /// </summary>
    public async Task<(List<(long Sent, long Answered)> Turns, List<long> Failed)> TurnsAsync(Host host, int concurrency, CancellationToken stop)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var (turns, failed) = (new List<(long, long)>(), new List<long>());
            while (!stop.IsCancellationRequested)
            {
                var message = Interlocked.Increment(ref next);
                var sent = Stopwatch.GetTimestamp();
                if (await PostAsync(host, (int)(message % users), Texts[message / users % Texts.Length]))
                    turns.Add((sent, Stopwatch.GetTimestamp()));
                else
                    failed.Add(sent);
            }
            return (turns, failed);
        })).ToArray();
        var done = await Task.WhenAll(workers);
        return ([.. done.SelectMany(d => d.turns)], [.. done.SelectMany(d => d.failed)]);
    }

    private async Task<bool> PostAsync(Host host, int user, string text)
    {
        var id = Interlocked.Increment(ref activityId).ToString(CultureInfo.InvariantCulture);
        var activity = new JsonObject
        {
            ["text"] = text,
            ["textFormat"] = "plain",
            ["type"] = "message",
            ["timestamp"] = "2026-03-02T09:00:00.1234567Z",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = FakeConnector.UserId(user), ["name"] = $"Rep {user}", ["aadObjectId"] = FakeConnector.AadObjectId(user) },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = FakeConnector.TenantId, ["id"] = $"a:bench-conversation-{user}" },
            ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-000000000000", ["name"] = "SalesCoachBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeConnector.TenantId } },
            ["locale"] = "en-US",
            ["localTimezone"] = "Europe/Berlin",
        };
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(host.BaseAddress, "api/messages"), content);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

/// <summary>The Bot Connector REST calls a bot makes to its serviceUrl: post an activity, read a member's profile.</summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication app;
    private long replies;

    private FakeConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Replies => Interlocked.Read(ref replies);

    public static string UserId(int user) => $"29:bench-user-{user}";
    public static string AadObjectId(int user) => $"00000000-0000-0000-0000-{user:D12}";

    public static async Task<FakeConnector> StartAsync(int users)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeConnector(builder.Build());
        connector.app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Json(new { id = $"reply-{Interlocked.Increment(ref connector.replies)}" });
        });
        connector.app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) =>
        {
            var user = int.Parse(userId["29:bench-user-".Length..], CultureInfo.InvariantCulture);
            return user < users
                ? Results.Json(new { id = userId, name = $"Rep {user}", aadObjectId = AadObjectId(user), email = $"rep{user}@example.com", userPrincipalName = $"rep{user}@example.com", tenantId = TenantId })
                : Results.NotFound();
        });
        await connector.app.StartAsync();
        connector.ServiceUrl = connector.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return connector;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

internal static class Report
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static void Print(Options options, FakeConnector connector, (Host Host, TimeSpan FirstTurn) echoStarted, (Host Host, TimeSpan FirstTurn) botStarted,
        List<BlockResult> results)
    {
        var (echo, bot) = (echoStarted.Host, botStarted.Host);
        double Of(Host host, int concurrency, Func<BlockResult, double> figure) =>
            Median(results.Where(r => r.Host == host.Name && r.Concurrency == concurrency).Select(figure));
        string Row(string what, Func<BlockResult, double> figure, string format)
        {
            var (e, b) = (options.Concurrency.Select(c => Of(echo, c, figure)).ToArray(), options.Concurrency.Select(c => Of(bot, c, figure)).ToArray());
            string Join(IEnumerable<double> values, string f) => string.Join(" / ", values.Select(v => v.ToString(f, CultureInfo.InvariantCulture)));
            // The ratio is taken block pair by block pair (the two hosts ran one after the other), then the median:
            // a repetition slowed down by the machine counts once, for both hosts alike.
            var ratios = options.Concurrency.Select(c => Median(Enumerable.Range(0, options.Repetitions).Select(r =>
                figure(results.Single(x => x.Host == bot.Name && x.Concurrency == c && x.Repetition == r)) /
                figure(results.Single(x => x.Host == echo.Name && x.Concurrency == c && x.Repetition == r)))));
            return $"| {what} at concurrency {string.Join(" / ", options.Concurrency)} | {Join(e, format)} | {Join(b, format)} | {Join(ratios, "0.00")} |";
        }

        Console.WriteLine();
        Console.WriteLine(BenchMachine.Description());
        Console.WriteLine($"load: Teams message activities from {options.Users} users (personal chats; \"my deals\", \"help\", \"my numbers\"), " +
                          $"{options.Repetitions} interleaved repetitions of {options.Seconds} s blocks; figures are medians, ratios SalesCoachBot ÷ echo bot are medians of the " +
                          $"block-pair ratios; {connector.Replies:N0} replies posted to the fake Bot Connector");
        Console.WriteLine();
        Console.WriteLine("| | stock CloudAdapter echo bot | SalesCoachBot | ratio |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("turns/s", r => r.TurnsPerSecond, "0"));
        Console.WriteLine(Row("p99 (ms)", r => r.P99.TotalMilliseconds, "0"));
        Console.WriteLine(Row("server CPU per turn (ms)", r => r.CpuPerTurn.TotalMilliseconds, "0.0"));
        Console.WriteLine($"| start → first `/healthz` 200 | {echo.StartUp.TotalSeconds:0.00} s | {bot.StartUp.TotalSeconds:0.00} s | {bot.StartUp / echo.StartUp:0.0} |");
        Console.WriteLine($"| first turn, sent at that first 200 | {echoStarted.FirstTurn.TotalMilliseconds:0} ms | {botStarted.FirstTurn.TotalMilliseconds:0} ms | " +
                          $"{botStarted.FirstTurn / echoStarted.FirstTurn:0.0} |");
        var (echoMemory, botMemory) = (echo.WorkingSet / 1_048_576.0, bot.WorkingSet / 1_048_576.0);
        Console.WriteLine($"| working set after load | {echoMemory:0} MiB | {botMemory:0} MiB | {botMemory / echoMemory:0.0} |");
        var errors = results.Sum(r => r.Errors);
        if (errors > 0)
            Console.WriteLine($"\n{errors} requests failed (not counted as turns)");
    }
}

/// <summary>One host on SQLite against two hosts sharing one PostgreSQL database, the turns spread over both, interleaved.</summary>
internal static class ScaleOut
{
    public static async Task CompareAsync(Options options, Load load, Host sqlite, string postgres, string dll, Dictionary<string, string> sqliteSettings, string folder, List<Host> started)
    {
        var database = $"salescoach_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        try
        {
            var pair = new List<Host>();
            foreach (var instance in new[] { "bench-a", "bench-b" })
            {
                var settings = new Dictionary<string, string>(sqliteSettings)
                {
                    ["Storage__Provider"] = "PostgreSQL",
                    ["Storage__InstanceId"] = instance,
                    ["ConnectionStrings__SalesCoach"] = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString,
                };
                var host = await Host.StartAsync($"PostgreSQL {instance}", dll, settings, folder);
                pair.Add(host);
                started.Add(host);
            }
            await load.SeedAsync(pair[0]);
            await load.RunAsync("PostgreSQL, 2 hosts", pair, 8, TimeSpan.FromSeconds(Math.Max(2, options.Seconds / 2)));

            var results = new List<BlockResult>();
            for (var repetition = 0; repetition < options.Repetitions; repetition++)
                foreach (var concurrency in options.Concurrency)
                    foreach (var sqliteFirst in repetition % 2 == 0 ? new[] { true, false } : [false, true])
                    {
                        var result = sqliteFirst
                            ? await load.RunAsync("SQLite, 1 host", [sqlite], concurrency, TimeSpan.FromSeconds(options.Seconds))
                            : await load.RunAsync("PostgreSQL, 2 hosts", pair, concurrency, TimeSpan.FromSeconds(options.Seconds));
                        results.Add(result with { Repetition = repetition });
                        Console.WriteLine($"  {result.Host,-20} c={concurrency,-3} {result.TurnsPerSecond,7:0.0} turns/s  p99 {result.P99.TotalMilliseconds,6:0} ms  " +
                                          $"CPU {result.CpuPerTurn.TotalMilliseconds,5:0.00} ms/turn  errors {result.Errors}");
                    }

            static double Median(IEnumerable<double> values) => Report.Median(values);
            string Row(string what, Func<BlockResult, double> figure, string format)
            {
                string Of(string host) => string.Join(" / ", options.Concurrency.Select(c =>
                    Median(results.Where(r => r.Host == host && r.Concurrency == c).Select(figure)).ToString(format, CultureInfo.InvariantCulture)));
                var ratios = options.Concurrency.Select(c => Median(Enumerable.Range(0, options.Repetitions).Select(r =>
                    figure(results.Single(x => x.Host == "PostgreSQL, 2 hosts" && x.Concurrency == c && x.Repetition == r)) /
                    figure(results.Single(x => x.Host == "SQLite, 1 host" && x.Concurrency == c && x.Repetition == r)))));
                return $"| {what} at concurrency {string.Join(" / ", options.Concurrency)} | {Of("SQLite, 1 host")} | {Of("PostgreSQL, 2 hosts")} | " +
                       $"{string.Join(" / ", ratios.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))} |";
            }
            Console.WriteLine();
            Console.WriteLine("| | SQLite, 1 host | PostgreSQL, 2 hosts (turns spread over both) | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine(Row("turns/s", r => r.TurnsPerSecond, "0"));
            Console.WriteLine(Row("p99 ms", r => r.P99.TotalMilliseconds, "0"));
            Console.WriteLine(Row("server CPU per turn, ms (both hosts)", r => r.CpuPerTurn.TotalMilliseconds, "0.0"));
        }
        finally
        {
            foreach (var host in started.Where(h => h.Name.StartsWith("PostgreSQL", StringComparison.Ordinal)).ToList())
            {
                await host.StopAsync();
                started.Remove(host);
            }
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
