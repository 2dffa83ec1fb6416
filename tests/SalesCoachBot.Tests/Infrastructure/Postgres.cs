using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The PostgreSQL server the tests use, named by <see cref="Variable"/> (.ci/run starts one with .ci/postgres).</summary>
public static class PostgresServer
{
    public const string Variable = "SALESCOACH_TEST_POSTGRES";
    public const string SkipReason = $"No PostgreSQL server for the tests: {Variable} is not set (.ci/postgres starts one; CI always does).";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;
}

/// <summary>A test class whose tests run on PostgreSQL (skipped, saying why, when no server is given).</summary>
public interface IOnPostgres;

/// <summary>A fresh database on the test server, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name = $"salescoach_{Guid.NewGuid():N}";

    private PostgresDatabase(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase(PostgresServer.ConnectionString ?? throw new InvalidOperationException(PostgresServer.SkipReason));
        await database.ExecuteAsync($"CREATE DATABASE \"{database.name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database for one test: a SQLite file, or a PostgreSQL database for <see cref="IOnPostgres"/> classes.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDatabase? sqlite;
    private readonly PostgresDatabase? postgres;

    private TestDatabase(TempDatabase? sqlite, PostgresDatabase? postgres) => (this.sqlite, this.postgres) = (sqlite, postgres);

    public string ConnectionString => postgres?.ConnectionString ?? sqlite!.ConnectionString;

    /// <summary>The settings that point the bot at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:SalesCoach"] = ConnectionString,
        ["Storage:Provider"] = postgres is null ? "Sqlite" : "PostgreSQL",
    };

    public static async Task<TestDatabase> CreateAsync(bool onPostgres) =>
        onPostgres ? new(null, await PostgresDatabase.CreateAsync()) : new(new TempDatabase(), null);

    public async ValueTask DisposeAsync()
    {
        sqlite?.Dispose();
        if (postgres is not null)
            await postgres.DisposeAsync();
    }
}

/// <summary>A fact that runs on every store its class runs on: skipped on PostgreSQL when no server is given.</summary>
[XunitTestCaseDiscoverer("SalesCoachBot.Tests.Infrastructure.StoreTestCaseDiscoverer", "SalesCoachBot.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory that runs on every store its class runs on: skipped on PostgreSQL when no server is given.</summary>
[XunitTestCaseDiscoverer("SalesCoachBot.Tests.Infrastructure.StoreTheoryDiscoverer", "SalesCoachBot.Tests")]
public sealed class StoreTheoryAttribute : TheoryAttribute;

public sealed class StoreTestCaseDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo factAttribute) =>
        [new StoreTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)];
}

public sealed class StoreTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new StoreTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, dataRow)];
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, object[]? arguments = null)
        : base(sink, display, displayOptions, method, arguments)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        PostgresServer.ConnectionString is null && typeof(IOnPostgres).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType())
            ? PostgresServer.SkipReason
            : base.GetSkipReason(factAttribute);
}
