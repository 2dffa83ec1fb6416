using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.Outbox;

public class OutboxRobustnessTests : BotTest
{
    [StoreFact]
    public async Task AWakeUpAfterATimedOutWaitIsNotLost()
    {
        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider();
        var first = signal.WaitAsync(TimeSpan.FromSeconds(1), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await first;

        signal.Wake();
        var second = signal.WaitAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully || await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(5))) == second,
            "the wake-up went to an abandoned wait");
    }

    [StoreFact]
    public async Task ASendThatTimesOutIsRetriedLaterAndDoesNotStopTheDispatcher()
    {
        var sender = new Mock<IProactiveSender>();
        sender.SetupGet(s => s.Channel).Returns("test");
        sender.SetupGet(s => s.MinInterval).Returns(TimeSpan.Zero);
        sender.SetupSequence(s => s.SendAsync(It.IsAny<string>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"))
            .ReturnsAsync(new SendResult.Delivered());
        await using (var scope = Bot.Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                [new PlannedMessage("k1", MessageKind.Nudge, null, "Alice", "test", "{}", new Reply("Hello"))], CancellationToken.None);
        var dispatcher = new OutboxDispatcher(Bot.Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>(), [sender.Object], new HostInstance("test"), Bot.Clock, NullLogger<OutboxDispatcher>.Instance);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var waiting = await Bot.Database().Outbox.SingleAsync();
        Assert.Contains("Timeout", waiting.LastError);
        Bot.Clock.Advance(waiting.NextAttemptAt - Bot.Clock.GetUtcNow());
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task ARunWritesEachNewKeyOnceAndLeavesQueuedMessagesAsTheyWere()
    {
        static PlannedMessage Message(int i, string text) =>
            new($"nudge:{i}:2026-11-28", MessageKind.Nudge, i % 3 == 0 ? null : i, $"Rep {i}", "test", $"{{\"user\":\"{i}\"}}", new Reply(text) { Title = $"Deal {i}" });
        await using (var scope = Bot.Host.Services.CreateAsyncScope())
            Assert.Equal(10, await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                Enumerable.Range(1, 10).Select(i => Message(i, "first")), CancellationToken.None));

        // 150 planned (more than one statement's worth), ten already queued, one planned twice.
        int added;
        await using (var scope = Bot.Host.Services.CreateAsyncScope())
            added = await scope.ServiceProvider.GetRequiredService<OutboxWriter>().WriteAsync(
                [.. Enumerable.Range(1, 150).Select(i => Message(i, "second")), Message(150, "again")], CancellationToken.None);

        Assert.Equal(140, added);
        var queued = await Bot.Database().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(150, queued.Count);
        Assert.Equal(150, queued.Select(m => m.Key).Distinct().Count());
        Assert.All(queued.Take(10), m => Assert.Equal("first", OutboxWriter.Deserialize(m.ReplyJson).Text));
        Assert.All(queued.Skip(10), m => Assert.Equal("second", OutboxWriter.Deserialize(m.ReplyJson).Text));
        var sample = queued.Single(m => m.Key == "nudge:42:2026-11-28");
        Assert.Equal((null, "Deal 42", "{\"user\":\"42\"}", Bot.Clock.GetUtcNow(), Bot.Clock.GetUtcNow(), 0, (DateTimeOffset?)null),
            ((long?)sample.RepId, OutboxWriter.Deserialize(sample.ReplyJson).Title, sample.Address, sample.CreatedAt, sample.NextAttemptAt, sample.Attempts, sample.SentAt));
        Assert.Equal(43, queued.Single(m => m.Key == "nudge:43:2026-11-28").RepId);
    }
}
