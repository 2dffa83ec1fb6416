using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesCoachBot.Hosting;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Queues;

/// <summary>
/// How fast the outbox drains with one host and with two sharing the database, on SQLite and on
/// PostgreSQL, against a channel that accepts at once; and what leasing costs per message (the time in
/// the claim statements over the messages sent).
/// </summary>
internal static class OutboxLoad
{
    private const int Conversations = 500;

    public static async Task RunAsync(int messages, string? postgres)
    {
        Console.WriteLine($"outbox: {messages:N0} messages to {Conversations} conversations, a channel that accepts at once (no pacing)");
        foreach (var (hosts, count) in new[] { (1, 500), (1, messages), (2, messages) }) // the first is a warm-up, not reported
        {
            var folder = Directory.CreateTempSubdirectory("salescoach-outbox-").FullName;
            try
            {
                await MeasureAsync("SQLite", hosts, count, [new("ConnectionStrings:SalesCoach", $"Data Source={Path.Combine(folder, "outbox.db")}")]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
            if (postgres is null)
                continue;
            var name = $"salescoach_outbox_{Guid.NewGuid():N}";
            await ExecuteAsync(postgres, $"CREATE DATABASE \"{name}\"");
            try
            {
                await MeasureAsync("PostgreSQL", hosts, count,
                [
                    new("ConnectionStrings:SalesCoach", new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString),
                    new("Storage:Provider", "PostgreSQL"),
                ]);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static async Task MeasureAsync(string store, int hosts, int messages, KeyValuePair<string, string?>[] settings)
    {
        var claims = new ClaimTimer();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddStorage();
        builder.AddConversations();
        builder.AddSchedulerPlanning();
        builder.Services.ConfigureDbContext<SalesCoachDbContext>((_, options) => options.AddInterceptors(claims));
        using var host = builder.Build();
        await host.PrepareAsync();

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                Enumerable.Range(0, messages).Select(i => new PlannedMessage($"m{i}", MessageKind.Nudge, null, "Rep", "bench", $"c{i % Conversations}", new Reply($"Message {i}"))),
                CancellationToken.None);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();
        var dispatchers = Enumerable.Range(0, hosts).Select(h =>
            new OutboxDispatcher(contexts, [new AcceptingSender()], new HostInstance($"host-{h}"), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance)).ToList();

        claims.Reset();
        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (sent < messages)
        {
            var round = await Task.WhenAll(dispatchers.Select(d => d.DispatchDueAsync(CancellationToken.None)));
            sent += round.Sum();
            if (round.Sum() == 0)
                throw new InvalidOperationException($"stalled at {sent} of {messages}");
        }
        watch.Stop();
        if (messages < Conversations * 2)
            return; // warm-up
        Console.WriteLine($"  {store,-10} {hosts} host{(hosts > 1 ? "s" : " ")}: {messages / watch.Elapsed.TotalSeconds,7:N0} messages/s; " +
                          $"claiming {claims.Elapsed.TotalMilliseconds * 1000 / messages,6:0} µs per message ({claims.Count} claims)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class AcceptingSender : IProactiveSender
    {
        public string Channel => "bench";
        public TimeSpan MinInterval => TimeSpan.Zero;

        public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken) => Task.FromResult<SendResult>(new SendResult.Delivered());
    }

    /// <summary>Adds up the time spent in the statements that lease outbox rows.</summary>
    private sealed class ClaimTimer : DbCommandInterceptor
    {
        private long ticks;
        private int count;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));
        public int Count => count;

        public void Reset() => (ticks, count) = (0, 0);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Add(DbCommand command, CommandExecutedEventData eventData)
        {
            // PostgreSQL: the SELECT … FOR UPDATE SKIP LOCKED and the UPDATE of the ids it returned; SQLite: one UPDATE … LIMIT.
            var text = command.CommandText;
            var claim = text.Contains("SKIP LOCKED", StringComparison.Ordinal) || text.StartsWith("UPDATE", StringComparison.Ordinal)
                && text.Contains("\"LeasedBy\" = @", StringComparison.Ordinal) && (text.Contains("LIMIT", StringComparison.Ordinal) || text.Contains("= ANY (", StringComparison.Ordinal));
            if (!claim)
                return;
            Interlocked.Add(ref ticks, eventData.Duration.Ticks);
            Interlocked.Increment(ref count);
        }
    }
}
