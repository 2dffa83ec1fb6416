using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesCoachBot.Cli;
using SalesCoachBot.Deals;
using static PreparedInserts;

// Load harness: metrics and learned thresholds over a large generated pipeline, and a large CSV import;
// with "understanding", how fast messages are understood.
// dotnet run -c Release --project bench/LoadHarness -- [--deals 1000000] [--reps 10000] [--import-rows 100000]
// dotnet run -c Release --project bench/LoadHarness -- understanding
// dotnet run -c Release --project bench/LoadHarness -- outbox [messages] [postgres connection string]
if (args is ["outbox", ..])
{
    await OutboxLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000, args.Length > 2 ? args[2] : null);
    return;
}
if (args is ["understanding", ..])
{
    UnderstandingLoad.Run(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../..")));
    return;
}
var dealsOption = new Option<int>("--deals") { DefaultValueFactory = _ => 1_000_000 };
var repsOption = new Option<int>("--reps") { DefaultValueFactory = _ => 10_000 };
var importRowsOption = new Option<int>("--import-rows") { DefaultValueFactory = _ => 100_000 };
var options = new RootCommand { dealsOption, repsOption, importRowsOption }.Parse(args);
var (dealCount, repCount, importRows) = (options.GetValue(dealsOption), options.GetValue(repsOption), options.GetValue(importRowsOption));
var folder = Directory.CreateTempSubdirectory("salescoach-load-").FullName;
var database = Path.Combine(folder, "load.db");
void Configure(Microsoft.Extensions.Hosting.IHostApplicationBuilder b) => b.Configuration["ConnectionStrings:SalesCoach"] = $"Data Source={database}";

try
{
    // An empty database with the current schema, made by the bot itself.
    await MetricsCommand.RunAsync(["--from", "2026-01-01", "--to", "2026-01-01"], TextWriter.Null, Configure);
    var seed = Stopwatch.StartNew();
    Generate(database, dealCount, repCount);
    Console.WriteLine($"generated {dealCount:N0} deals for {repCount:N0} reps in {seed.Elapsed.TotalSeconds:0.0} s ({new FileInfo(database).Length / 1_048_576:N0} MiB)");

    await Measure("metrics, whole organisation, one year", ["--from", "2025-01-01", "--to", "2025-12-31", "--json"]);
    await Measure("metrics, one team (10 reps), one year", ["--team", "rep0@example.com", "--from", "2025-01-01", "--to", "2025-12-31", "--json"]);

    var csv = Path.Combine(folder, "import.csv");
    WriteCsv(csv, importRows);
    var import = Stopwatch.StartNew();
    var exit = await ImportCommand.RunAsync([csv], TextWriter.Null, Configure);
    Console.WriteLine($"import of {importRows:N0} rows: {import.Elapsed.TotalSeconds:0.0} s (exit {exit}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

async Task Measure(string what, string[] metricsArgs)
{
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var output = new StringWriter();
    await MetricsCommand.RunAsync(metricsArgs, output, Configure);
    Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.00} s, {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1_048_576:N0} MiB allocated, " +
                      $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB, {output.ToString().Length:N0} chars of JSON");
}

// Writes straight to SQLite with prepared statements; values are encoded exactly as the bot's model stores them.
static void Generate(string path, int deals, int reps)
{
    var toBinary = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
    var random = new Random(42);
    var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
        pragma.ExecuteNonQuery();
    }
    using var transaction = connection.BeginTransaction();
    var rep = Command(connection, transaction, "INSERT INTO Reps (Id, DisplayName, Email, CreatedAt, ManagerId) VALUES ($id, $name, $email, $at, $manager)", "$id", "$name", "$email", "$at", "$manager");
    for (var i = 1; i <= reps; i++)
        Run(rep, i, $"Rep {i}", $"rep{i - 1}@example.com", toBinary(start), i % 10 == 1 ? DBNull.Value : i - (i - 1) % 10);
    var deal = Command(connection, transaction, "INSERT INTO Deals (Id, Name, Account, Amount, Currency, Stage, OwnerId, CreatedAt, LastActivityAt, ClosedAt) VALUES ($id, $name, $name, $amount, $currency, $stage, $owner, $created, $last, $closed)",
        "$id", "$name", "$amount", "$currency", "$stage", "$owner", "$created", "$last", "$closed");
    var change = Command(connection, transaction, "INSERT INTO StageChanges (DealId, \"From\", \"To\", At) VALUES ($deal, $from, $to, $at)", "$deal", "$from", "$to", "$at");
    var stages = new[] { DealStage.Prospecting, DealStage.InitialContact, DealStage.Discovery, DealStage.Proposal, DealStage.Negotiation, DealStage.Closing };
    for (var id = 1; id <= deals; id++)
    {
        var created = start.AddDays(random.NextDouble() * 700);
        var reached = random.Next(stages.Length);
        var at = created;
        var history = new List<object?[]> { new object?[] { id, DBNull.Value, stages[0].ToString(), toBinary(at) } };
        for (var s = 1; s <= reached; s++)
        {
            at = at.AddDays(1 + random.NextDouble() * 20);
            history.Add([id, stages[s - 1].ToString(), stages[s].ToString(), toBinary(at)]);
        }
        var outcome = random.Next(3) switch { 0 => DealStage.Won, 1 => DealStage.Lost, _ => stages[reached] };
        object closed = DBNull.Value;
        if (outcome.IsClosed())
        {
            at = at.AddDays(1 + random.NextDouble() * 30);
            closed = toBinary(at);
            history.Add([id, stages[reached].ToString(), outcome.ToString(), toBinary(at)]);
        }
        Run(deal, id, $"Deal {id}", (random.Next(1, 200) * 500).ToString(CultureInfo.InvariantCulture), id % 10 == 0 ? "EUR" : "USD",
            outcome.ToString(), 1 + id % reps, toBinary(created), toBinary(at), closed);
        foreach (var row in history)
            Run(change, row);
    }
    transaction.Commit();
}

static void WriteCsv(string path, int rows)
{
    var random = new Random(7);
    var text = new StringBuilder("id,name,account,owner,stage,created,closed,amount,currency\n");
    string[] stages = ["Prospecting", "Discovery", "Proposal", "Negotiation", "Won", "Lost"];
    for (var i = 0; i < rows; i++)
    {
        var stage = stages[random.Next(stages.Length)];
        var created = new DateOnly(2025, 1, 1).AddDays(random.Next(300));
        var closed = stage is "Won" or "Lost" ? created.AddDays(random.Next(1, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        text.Append(CultureInfo.InvariantCulture, $"X{i},\"Account {i}, Ltd\",Account {i},owner{i % 500}@example.com,{stage},{created:yyyy-MM-dd},{closed},{random.Next(1, 100) * 1000},USD\n");
    }
    File.WriteAllText(path, text.ToString());
}
