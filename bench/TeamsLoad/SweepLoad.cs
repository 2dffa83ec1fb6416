using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Host = BenchProcess;

/// <summary>
/// Teams turns while SalesCoachBot's stall sweep runs over the sweep's worst case (every deal of every rep stalled),
/// against the same turns once it is over. The database is seeded once; each repetition starts the bot on a fresh copy,
/// where the sweep's StartNow trigger fires as the scheduler starts. Turns run from /healthz 200 until the sweep has
/// finished and the outbox has sent its nudges (or --drain-seconds have passed); only the turns sent and answered while
/// the sweep ran count for "during" (the sweep is the stall-sweep trigger's row in Quartz's fired triggers, read every
/// 25 ms). Then, in the same process on the same database, a block as long as the sweep with no sweep running (the
/// outbox may still be sending what the sweep queued: the line under the table says how much was waiting). The seeded reps are reached in Teams
/// personal chats on the fake Bot Connector, so their nudges go out over the connector the turns are answered through.
/// </summary>
internal static class SweepLoad
{
    private sealed record Repetition(double SweepSeconds, double StartedAfter, double DeliveredSeconds, long Waiting, Window During, Window Delivering, Window After,
        (int Turns, double Longest) Across, string Outbox, long Posted, string[] Problems);

    private sealed record Window(double Seconds, int Turns, int Failed, double P50, double P99)
    {
        public double TurnsPerSecond => Turns / Seconds;
    }

    public static async Task RunAsync(Options options, FakeConnector connector, Load load, string folder)
    {
        Console.WriteLine($"fake Bot Connector on {connector.ServiceUrl}; {options.Users} users; turns at concurrency {options.SweepConcurrency} during and after the stall sweep " +
                          $"over {options.Deals:N0} stalled deals of {options.Reps:N0} reps; {options.Repetitions} repetitions");
        var seeded = Path.Combine(folder, "seeded.db");
        var seeding = Stopwatch.StartNew();
        // The bot makes the database (its scheduler off: no sweep yet), the reps and deals are written into it, then the
        // load's users write their first messages (they become reps with a deal each, not stalled).
        await (await Host.StartAsync("SalesCoachBot", options.Bot, Settings(seeded, scheduler: false), folder)).StopAsync();
        StalledPipeline.Generate(seeded, options.Reps, options.Deals, rep => TeamsAccount(connector.ServiceUrl, rep));
        var first = await Host.StartAsync("SalesCoachBot", options.Bot, Settings(seeded, scheduler: false), folder);
        await load.SeedAsync(first);
        await first.StopAsync();
        Checkpoint(seeded);
        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0} s ({new FileInfo(seeded).Length / 1_048_576:N0} MiB)");

        var repetitions = new List<Repetition>();
        for (var repetition = 1; repetition <= options.Repetitions; repetition++)
        {
            var database = Path.Combine(folder, $"sweep-{repetition}.db");
            File.Copy(seeded, database);
            try
            {
                var result = await RepeatAsync(options, connector, load, database, folder, repetition);
                repetitions.Add(result);
                Console.WriteLine($"  {repetition}: sweep {result.SweepSeconds:0.0} s (started {result.StartedAfter:0.00} s after /healthz 200), outbox {(result.Waiting == 0 ? "empty" : $"still {result.Waiting:N0} waiting")} {result.DeliveredSeconds:0.0} s later; " +
                                  $"{result.Across.Turns} turns in flight across the sweep, the longest {result.Across.Longest:0} ms; during: {result.During.Turns} turns, p99 {result.During.P99:0} ms, {result.During.Failed} failed; " +
                                  $"after: {result.After.Turns} turns, p99 {result.After.P99:0} ms, {result.After.Failed} failed; outbox {result.Outbox}; " +
                                  $"{result.Posted:N0} posted to the connector; bot log: {(result.Problems.Length == 0 ? "no warnings or errors" : string.Join(" | ", result.Problems))}");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                    File.Delete(file);
            }
        }
        Print(options, repetitions);
    }

    private static async Task<Repetition> RepeatAsync(Options options, FakeConnector connector, Load load, string database, string folder, int repetition)
    {
        var postedBefore = connector.Replies;
        var name = $"SalesCoachBot sweep {repetition}";
        var bot = await Host.StartAsync(name, options.Bot, Settings(database, scheduler: true), folder);
        try
        {
            var ready = Stopwatch.GetTimestamp();
            using var stop = new CancellationTokenSource();
            var block = load.TurnsAsync(bot, options.SweepConcurrency, stop.Token);
            await using var watch = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await watch.OpenAsync();
            long Count(string sql)
            {
                using var command = watch.CreateCommand();
                command.CommandText = sql;
                try
                {
                    return (long)command.ExecuteScalar()!;
                }
                catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
                {
                    return 0; // Quartz makes its tables as the scheduler starts
                }
            }
            const string Sweeping = "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE TRIGGER_NAME = 'stall-sweep'";
            var limit = Stopwatch.StartNew();
            while (Count(Sweeping) == 0)
            {
                if (limit.Elapsed > TimeSpan.FromMinutes(2))
                    throw new TimeoutException("the stall sweep did not start within two minutes of /healthz 200");
                await Task.Delay(25);
            }
            var sweepStarted = Stopwatch.GetTimestamp();
            while (Count(Sweeping) > 0)
                await Task.Delay(25);
            var sweepEnded = Stopwatch.GetTimestamp();
            // Its nudges are sent meanwhile and after it: the turns go on until the outbox is empty, or for --drain-seconds;
            // what is still waiting then is sent during the block "after".
            limit.Restart();
            long waiting;
            while ((waiting = Count("SELECT COUNT(*) FROM Outbox WHERE SentAt IS NULL AND GaveUpAt IS NULL")) > 0 && limit.Elapsed < TimeSpan.FromSeconds(options.DrainSeconds))
                await Task.Delay(250);
            var deliveredAt = Stopwatch.GetTimestamp();
            await stop.CancelAsync();
            var (turns, failed) = await block;

            var sweep = Stopwatch.GetElapsedTime(sweepStarted, sweepEnded);
            using var quiet = new CancellationTokenSource(sweep);
            var (afterTurns, afterFailed) = await load.TurnsAsync(bot, options.SweepConcurrency, quiet.Token);
            var after = Between(afterTurns, afterFailed, long.MinValue, long.MaxValue, sweep);

            string outbox;
            using (var kinds = watch.CreateCommand())
            {
                kinds.CommandText = "SELECT Kind, COUNT(*), COUNT(SentAt), COUNT(GaveUpAt) FROM Outbox GROUP BY Kind ORDER BY Kind";
                using var reader = await kinds.ExecuteReaderAsync();
                var parts = new List<string>();
                while (await reader.ReadAsync())
                    parts.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0} ({reader.GetInt64(2):N0} sent, {reader.GetInt64(3):N0} given up)");
                outbox = parts.Count == 0 ? "empty" : string.Join(", ", parts);
            }
            var posted = connector.Replies - postedBefore;
            await bot.StopAsync();
            return new Repetition(sweep.TotalSeconds, Stopwatch.GetElapsedTime(ready, sweepStarted).TotalSeconds, Stopwatch.GetElapsedTime(sweepEnded, deliveredAt).TotalSeconds,
                waiting, Between(turns, failed, sweepStarted, sweepEnded, sweep),
                Between(turns, failed, sweepEnded, deliveredAt, Stopwatch.GetElapsedTime(sweepEnded, deliveredAt)), after,
                Across(turns, sweepStarted, sweepEnded), outbox, posted, Problems(folder, name));
        }
        finally
        {
            await bot.StopAsync();
        }
    }

    /// <summary>The turns sent and answered between two moments; the failures sent between them.</summary>
    private static Window Between(List<(long Sent, long Answered)> turns, List<long> failed, long from, long to, TimeSpan length)
    {
        var latencies = turns.Where(t => t.Sent >= from && t.Answered <= to).Select(t => Stopwatch.GetElapsedTime(t.Sent, t.Answered).TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(latencies.Length * p) - 1)];
        return new(length.TotalSeconds, latencies.Length, failed.Count(f => f >= from && f < to), Percentile(0.5), Percentile(0.99));
    }

    /// <summary>The turns in flight at some moment between two moments, and the longest of them (ms).</summary>
    private static (int Turns, double Longest) Across(List<(long Sent, long Answered)> turns, long from, long to)
    {
        var across = turns.Where(t => t.Sent < to && t.Answered > from).Select(t => Stopwatch.GetElapsedTime(t.Sent, t.Answered).TotalMilliseconds).ToList();
        return (across.Count, across.DefaultIfEmpty(double.NaN).Max());
    }

    private static Dictionary<string, string> Settings(string database, bool scheduler) => new()
    {
        ["ConnectionStrings__SalesCoach"] = $"Data Source={database}",
        ["Teams__AllowedServiceUrlHosts__0"] = "127.0.0.1",
        ["Scheduler__Enabled"] = scheduler ? "true" : "false",
        // Every rep is at work whatever the bench's clock says (nudges go out only in working hours), and the sweep
        // comes round only once in a repetition.
        ["Scheduler__Weekends"] = "true",
        ["Scheduler__WorkdayStart"] = "00:00",
        ["Scheduler__WorkdayEnd"] = "23:59",
        ["Scheduler__SweepMinutes"] = "1440",
    };

    /// <summary>A seeded rep in a Teams personal chat on the fake Bot Connector: the conversation reference the bot stores for one.</summary>
    private static StalledPipeline.Account TeamsAccount(string serviceUrl, int rep)
    {
        var aadObjectId = $"00000000-0000-0000-0001-{rep:D12}"; // not one of the load's users (…-0000-…)
        var reference = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = $"29:sweep-rep-{rep}", ["name"] = $"Rep {rep}", ["aadObjectId"] = aadObjectId },
            ["bot"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-000000000000", ["name"] = "SalesCoachBot" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = FakeConnector.TenantId, ["id"] = $"a:sweep-conversation-{rep}" },
            ["channelId"] = "msteams",
            ["locale"] = "en-US",
            ["serviceUrl"] = serviceUrl,
        };
        return new("msteams", aadObjectId, FakeConnector.TenantId, reference.ToJsonString());
    }

    /// <summary>Everything in the write-ahead log into the database file, so that a copy of the file alone is the whole database.</summary>
    private static void Checkpoint(string database)
    {
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }
        foreach (var file in new[] { database + "-wal", database + "-shm" })
            File.Delete(file);
    }

    /// <summary>The bot's warnings and errors (its log is at warning level: "warn: Category[id]", the message on the next line), each once with how often it came.</summary>
    private static string[] Problems(string folder, string name)
    {
        var lines = Directory.GetFiles(folder, $"{name.Replace(' ', '-')}-*.log").SelectMany(File.ReadLines).ToList();
        return [.. lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(l => l.i + 1 < lines.Count ? $"{l.line} {lines[l.i + 1].Trim()}" : l.line).CountBy(l => l).Select(c => $"{c.Value}× {c.Key}")];
    }

    private static void Print(Options options, List<Repetition> repetitions)
    {
        static string Range(IEnumerable<double> values, string format)
        {
            var (low, high) = (values.Min().ToString(format, CultureInfo.InvariantCulture), values.Max().ToString(format, CultureInfo.InvariantCulture));
            return low == high ? low : $"{low}–{high}";
        }
        string Median(Func<Repetition, double> figure, string format) =>
            Report.Median(repetitions.Select(figure)).ToString(format, CultureInfo.InvariantCulture) + $" ({Range(repetitions.Select(figure), format)})";
        Console.WriteLine();
        Console.WriteLine(BenchMachine.Description());
        Console.WriteLine($"load: Teams message activities from {options.Users} users at concurrency {options.SweepConcurrency} (personal chats; \"my deals\", \"help\", \"my numbers\"); " +
                          $"during: only turns sent and answered while the stall sweep ran over {options.Deals:N0} stalled deals of {options.Reps:N0} reps; " +
                          $"after: a block as long as the sweep, once the outbox was empty or {options.DrainSeconds} s after the sweep, same process and database; medians of {repetitions.Count} repetitions (range), " +
                          "the ratio is the median of each repetition's ratio");
        Console.WriteLine();
        Console.WriteLine("| | during the stall sweep | after it | ratio |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| sweep (s) | {Median(r => r.SweepSeconds, "0.0")} | | |");
        Console.WriteLine($"| turns/s | {Median(r => r.During.TurnsPerSecond, "0")} | {Median(r => r.After.TurnsPerSecond, "0")} | {Median(r => r.During.TurnsPerSecond / r.After.TurnsPerSecond, "0.00")} |");
        Console.WriteLine($"| p50 (ms) | {Median(r => r.During.P50, "0.0")} | {Median(r => r.After.P50, "0.0")} | {Median(r => r.During.P50 / r.After.P50, "0.00")} |");
        Console.WriteLine($"| p99 (ms) | {Median(r => r.During.P99, "0")} | {Median(r => r.After.P99, "0")} | {Median(r => r.During.P99 / r.After.P99, "0.00")} |");
        Console.WriteLine($"| failed requests (not 2xx) | {repetitions.Sum(r => r.During.Failed)} | {repetitions.Sum(r => r.After.Failed)} | |");
        Console.WriteLine();
        Console.WriteLine($"outbox messages still waiting as the block after started: {string.Join(" / ", repetitions.Select(r => r.Waiting.ToString("N0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"between the sweep and the block after ({Median(r => r.DeliveredSeconds, "0.0")} s; the outbox sending): {Median(r => r.Delivering.TurnsPerSecond, "0")} turns/s, " +
                          $"p50 {Median(r => r.Delivering.P50, "0.0")} ms, p99 {Median(r => r.Delivering.P99, "0")} ms, {repetitions.Sum(r => r.Delivering.Failed)} failed");
    }
}
