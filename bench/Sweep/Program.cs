using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Cli;
using SalesCoachBot.Digests;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Scheduling;
using static StalledPipeline;

// The stall sweep at scale: generates reps (teams of ten, each reachable) and deals that are all open and
// stalled, then runs the sweep in a fresh process and reports its time and peak working set; then one
// team's digest, timed a hundred times. On a shared machine, compare the CPU seconds too: they are less
// disturbed by other work than the wall-clock time.
//   dotnet run -c Release --project bench/Sweep -- [--reps 10000] [--deals 1000000]
var reps = Argument("--reps", 10_000);
var deals = Argument("--deals", 1_000_000);
var moment = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero); // a Monday, in working hours (UTC)

if (Environment.GetEnvironmentVariable("SWEEP_DATABASE") is { } existing)
{
    await SweepAsync(existing);
    return;
}
var folder = Directory.CreateTempSubdirectory("salescoach-sweep-").FullName;
try
{
    var database = Path.Combine(folder, "sweep.db");
    using (var host = Host(database).Build())
        await host.PrepareAsync();
    var seed = Stopwatch.StartNew();
    Generate(database, reps, deals);
    Console.WriteLine($"generated {deals:N0} stalled deals for {reps:N0} reps in {seed.Elapsed.TotalSeconds:0.0} s ({new FileInfo(database).Length / 1_048_576:N0} MiB)");
    var sweep = new ProcessStartInfo(Environment.ProcessPath!, [.. Environment.GetCommandLineArgs()[0] is var dll && dll.EndsWith(".dll", StringComparison.Ordinal) ? [dll] : Array.Empty<string>(), .. args]);
    sweep.Environment["SWEEP_DATABASE"] = database;
    using var child = Process.Start(sweep)!;
    await child.WaitForExitAsync();
}
finally
{
    Directory.Delete(folder, recursive: true);
}

async Task SweepAsync(string database)
{
    using var host = Host(database).Build();
    await using var scope = host.Services.CreateAsyncScope();
    var job = ActivatorUtilities.CreateInstance<StallSweepJob>(scope.ServiceProvider);
    _ = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Model; // the bot builds it at start-up, not in its sweeps
    var before = Process.GetCurrentProcess().WorkingSet64;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await job.Execute(null!, CancellationToken.None);
    var elapsed = watch.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    await using var count = new SqliteConnection($"Data Source={database}");
    await count.OpenAsync();
    using var query = count.CreateCommand();
    query.CommandText = "SELECT COUNT(*) FROM Outbox; SELECT COUNT(*) FROM Deals WHERE LastNudgedAt IS NOT NULL;";
    using var reader = await query.ExecuteReaderAsync();
    await reader.ReadAsync();
    var messages = reader.GetInt64(0);
    await reader.NextResultAsync();
    await reader.ReadAsync();
    Console.WriteLine($"stall sweep: {elapsed.TotalSeconds:0.0} s ({cpu.TotalSeconds:0.0} s of CPU), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB " +
                      $"(host alone {before / 1_048_576:N0} MiB); {messages:N0} outbox rows, {reader.GetInt64(0):N0} deals marked nudged");

    var subscription = new DigestSubscription { ManagerId = 1, Channel = "terminal", Address = "{}", ConversationId = "bench", TimeZone = "UTC" };
    var times = new List<double>();
    for (var i = 0; i < 101; i++)
    {
        await using var digestScope = host.Services.CreateAsyncScope();
        var once = Stopwatch.StartNew();
        await digestScope.ServiceProvider.GetRequiredService<DigestPlanner>().PlanAsync(subscription, CancellationToken.None);
        if (i > 0)
            times.Add(once.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"digest, one team of 10 reps: p50 {times[50]:0.0} ms, p99 {times[98]:0.0} ms");
}

HostApplicationBuilder Host(string database)
{
    var builder = new ToolHost([], b => b.Configuration["ConnectionStrings:SalesCoach"] = $"Data Source={database}").CreateBuilder();
    builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedTime(moment)));
    return builder;
}

int Argument(string name, int fallback) =>
    Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
