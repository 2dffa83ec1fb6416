using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>Two hosts sending from one outbox: each message once, the conversation's pace kept, nothing lost when a host dies mid-send.</summary>
public class OutboxAcrossHostsTests : IAsyncLifetime
{
    private const int Reps = 30, NudgesPerRep = 5;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider clock = new(BotHarness.Start);
    private TestDatabase database = null!;
    private BotHarness bot = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(this is IOnPostgres);
        bot = await BotHarness.StartAsync(database.ConnectionString, clock, database.Settings);
        await using var scope = bot.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
            from rep in Enumerable.Range(1, Reps)
            from deal in Enumerable.Range(1, NudgesPerRep)
            select new PlannedMessage($"nudge:{rep}:{deal}", MessageKind.Nudge, null, $"Rep {rep}", "test", $"rep-{rep}", new Reply($"Deal {deal} of rep {rep} is stalled")),
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await database.DisposeAsync();
    }

    [StoreFact]
    public async Task TwoHostsDeliverEveryNudgeExactlyOnceAtEachConversationsPace()
    {
        var channel = new RecordingChannel();
        var hosts = new[] { Dispatcher("host-a", channel), Dispatcher("host-b", channel) }; // each takes 8 at a time: they share every round

        for (var round = 0; round < 100 && channel.Deliveries.Count < Reps * NudgesPerRep; round++)
        {
            await Task.WhenAll(hosts.Select(h => h.DispatchDueAsync(CancellationToken.None)));
            clock.Advance(Pace);
        }

        Assert.Equal(Reps * NudgesPerRep, channel.Deliveries.Count);
        Assert.All(channel.Deliveries.GroupBy(d => d.Text), same => Assert.Single(same));
        Assert.Equal(["host-a", "host-b"], channel.Deliveries.Select(d => d.Host).Distinct().Order());
        foreach (var conversation in channel.Deliveries.GroupBy(d => d.Address))
        {
            var times = conversation.Select(d => d.At).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Pace, $"two messages to {conversation.Key} within {Pace}"));
        }
        await using var db = bot.Database();
        Assert.Equal(Reps * NudgesPerRep, await db.Outbox.CountAsync(m => m.SentAt != null && m.LeasedBy == null));
    }

    [StoreFact]
    public async Task WhenAHostDiesMidSendTheOtherSendsWhatItHeldOnceItsLeaseRunsOut()
    {
        var channel = new RecordingChannel { HangOnDelivery = 3 }; // host-a dies sending its third message: it never returns
        var dying = Dispatcher("host-a", channel);
        var survivor = Dispatcher("host-b", channel);
        var abandoned = dying.DispatchDueAsync(CancellationToken.None);
        await channel.Hung.Task;

        for (var round = 0; round < 100 && channel.Deliveries.Select(d => d.Text).Distinct().Count() < Reps * NudgesPerRep; round++)
        {
            await survivor.DispatchDueAsync(CancellationToken.None);
            clock.Advance(round == 0 ? OutboxDispatcher.Lease : Pace);
        }

        Assert.False(abandoned.IsCompleted);
        var delivered = channel.Deliveries.GroupBy(d => d.Text).ToList();
        Assert.Equal(Reps * NudgesPerRep, delivered.Count);
        var twice = Assert.Single(delivered, d => d.Count() > 1); // only the one in flight when host-a died
        Assert.Equal(2, twice.Count());
        Assert.Equal(["host-a", "host-b"], twice.Select(d => d.Host).Order());
    }

    private OutboxDispatcher Dispatcher(string host, RecordingChannel channel) =>
        new(bot.Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>(), [new HostSender(host, channel, clock)], new HostInstance(host), clock, NullLogger<OutboxDispatcher>.Instance, batch: 8);

    private sealed record Delivery(string Host, string Address, string Text, DateTimeOffset At);

    /// <summary>The channel both hosts send to, recording who sent what when.</summary>
    private sealed class RecordingChannel
    {
        private int count;
        public ConcurrentQueue<Delivery> Deliveries { get; } = new();
        public int? HangOnDelivery { get; init; }
        public TaskCompletionSource Hung { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<SendResult> DeliverAsync(Delivery delivery)
        {
            Deliveries.Enqueue(delivery);
            if (Interlocked.Increment(ref count) != HangOnDelivery)
                return Task.FromResult<SendResult>(new SendResult.Delivered());
            Hung.SetResult();
            return new TaskCompletionSource<SendResult>().Task; // the host died here
        }
    }

    private sealed class HostSender(string host, RecordingChannel channel, TimeProvider clock) : IProactiveSender
    {
        public string Channel => "test";
        public TimeSpan MinInterval => Pace;

        public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken) =>
            channel.DeliverAsync(new Delivery(host, address, reply.Text, clock.GetUtcNow()));
    }
}

public sealed class OutboxAcrossHostsTestsOnPostgres : OutboxAcrossHostsTests, IOnPostgres;
