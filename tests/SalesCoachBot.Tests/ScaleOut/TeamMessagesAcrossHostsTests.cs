using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;
using SalesCoachBot.Replies;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Escalations;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>Two hosts on one PostgreSQL database sweeping at once: an escalation, a win-wire post and an after-sale check-in each go out once.</summary>
public sealed class TeamMessagesAcrossHostsTests : IAsyncLifetime, IOnPostgres
{
    private readonly FakeTimeProvider clock = new(BotHarness.Start);
    private TestDatabase database = null!;
    private BotHarness first = null!, second = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.ConnectionString is null)
            return;
        database = await TestDatabase.CreateAsync(true);
        first = await BotHarness.StartAsync(database.ConnectionString, clock, database.Settings);
        second = await BotHarness.StartAsync(database.ConnectionString, clock, database.Settings);
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        await first.DisposeAsync();
        await second.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<int> SweepAsync(BotHarness host)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamRuns>().RunAsync(CancellationToken.None);
    }

    [StoreFact]
    public async Task EachTeamMessageIsWrittenAndDeliveredOnce()
    {
        await first.Flow(EscalationTests.Carol).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await first.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("new deal Globex $12,000").AssertReply(Contains("New deal"))
            .StartTestAsync();
        await EscalationTests.MakeTeamAsync(first);
        await first.Flow(EscalationTests.Carol with { ConversationId = "sales", IsPersonal = false }).Send("post wins here").AssertReply(Contains("I'll post")).StartTestAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await second.Flow(EscalationTests.Bob)
            .Send("move globex to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(_ => { })
            .StartTestAsync();
        clock.Advance(TimeSpan.FromDays(30)); // Acme idle 30 days (escalated after 28); Globex won 30 days ago

        for (var round = 0; round < 3; round++)
            await Task.WhenAll(SweepAsync(first), SweepAsync(second));

        await using (var db = first.Database())
        {
            var kinds = await db.Outbox.Where(m => m.Kind == MessageKind.Escalation || m.Kind == MessageKind.WinWire || m.Kind == MessageKind.AfterSale)
                .Select(m => m.Kind).ToListAsync();
            Assert.Equal([MessageKind.Escalation, MessageKind.Escalation, MessageKind.WinWire, MessageKind.AfterSale], kinds.Order());
        }

        var deliveries = new ConcurrentQueue<(string Host, string Text)>();
        var hosts = new[] { Dispatcher(first, "host-a", deliveries), Dispatcher(second, "host-b", deliveries) };
        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(hosts.Select(h => h.DispatchDueAsync(CancellationToken.None)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(4, deliveries.Count);
        Assert.Equal(4, deliveries.Select(d => d.Text).Distinct().Count());
    }

    private OutboxDispatcher Dispatcher(BotHarness host, string name, ConcurrentQueue<(string, string)> deliveries) =>
        new(host.Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>(), [new RecordingSender(name, deliveries)], new HostInstance(name), clock,
            NullLogger<OutboxDispatcher>.Instance, batch: 2);

    private sealed class RecordingSender(string host, ConcurrentQueue<(string, string)> deliveries) : IProactiveSender
    {
        public string Channel => "test";
        public TimeSpan MinInterval => TimeSpan.Zero;

        public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
        {
            deliveries.Enqueue((host, reply.Title + reply.Text));
            return Task.FromResult<SendResult>(new SendResult.Delivered());
        }
    }
}
