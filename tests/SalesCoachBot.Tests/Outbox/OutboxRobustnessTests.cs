using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Work;

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
}
