using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>An answer Slack does not take during the turn is not dropped: the outbox delivers it later.</summary>
public sealed class SlackUndeliveredAnswerTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private SlackHost host = null!;

    private FakeSlack Slack => host.Slack;
    private BotApplicationFactory Factory => host.Factory;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync(logs: logs);

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task AnAnswerSlackRefusesWithHttp500UntilTheRetriesRunOutIsDeliveredByTheOutbox()
    {
        Slack.FailNext("chat.postMessage", 500, times: 5);

        await Factory.CreateClient().SendAsync(Event(DirectMessage("Ev0500", SlackHost.Alice, "help"), Factory.Clock.GetUtcNow()));
        await Slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage (500)"), "the refused attempt");
        await AdvanceUntilAsync(async () => await CountAsync(db => db.Outbox.CountAsync()) == 1, "the answer in the outbox");
        Assert.Equal(4, Slack.Posts("chat.postMessage (500)").Count);
        await AdvanceUntilAsync(async () => await CountAsync(db => db.Inbox.CountAsync(m => m.DoneAt == null)) == 0, "the turn done"); // just after the outbox write

        // The outbox's first try meets the fifth 500; the client's retry a second later gets through.
        var dispatch = Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        await AdvanceUntilAsync(() => Task.FromResult(dispatch.IsCompleted), "the outbox's send");
        Assert.Equal(1, await dispatch);
        Assert.Contains("SalesCoachBot", Assert.Single(Slack.Posts("chat.postMessage"))["text"]!.GetValue<string>());
        Assert.Equal(5, Slack.Posts("chat.postMessage (500)").Count);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("rate-limited", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Entries, e => e.Message.Contains("http_500") && e.Message.Contains("outbox"));
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    public async Task AnAnswerSlackFailsWithOkFalseIsDeliveredByTheOutbox(string error)
    {
        Slack.ErrorNext("chat.postMessage", error);

        await Factory.CreateClient().SendAsync(Event(AppMention("Ev0501", SlackHost.Alice, "help"), Factory.Clock.GetUtcNow()));
        await AdvanceUntilAsync(async () => await CountAsync(db => db.Outbox.CountAsync()) == 1, "the answer in the outbox");
        Assert.Single(Slack.Posts($"chat.postMessage ({error})"));

        Assert.Equal(1, await Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        var post = Assert.Single(Slack.Posts("chat.postMessage"));
        Assert.Equal(("C0SALES", "1772442000.000200"), (post["channel"]!.GetValue<string>(), post["thread_ts"]!.GetValue<string>()));
    }

    private async Task<int> CountAsync(Func<SalesCoachDbContext, Task<int>> count)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>());
    }

    /// <summary>Moves the fake clock a second at a time (the client's retries wait on it) until the condition holds.</summary>
    private async Task AdvanceUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var step = 0; step < 120; step++)
        {
            if (await condition())
                return;
            if (step % 4 == 3)
                Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        Assert.Fail($"Never saw {what}.");
    }
}
