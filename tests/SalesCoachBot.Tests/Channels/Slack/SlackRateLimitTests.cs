using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>The Slack HttpClient's resilience handler, driven through the proactive sender on the fake clock.</summary>
public sealed class SlackRateLimitTests : IAsyncLifetime
{
    private static readonly string SalesChannel = new SlackAddress("T0SALES", "C0SALES", null, false).Write();
    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;

    private IProactiveSender Sender => factory.Services.GetServices<IProactiveSender>().Single(s => s.Channel == SlackAdapter.ChannelId);

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task A429IsRetriedAfterSlacksRetryAfterAndTheMessageDeliveredOnce()
    {
        slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 7);
        var started = factory.Clock.GetUtcNow();

        var send = Sender.SendAsync(SalesChannel, new Reply("Pipeline review at 3"), CancellationToken.None);
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage (429)"), "the rate-limited attempt");
        await AdvanceUntilAsync(send);

        Assert.Equal(new SendResult.Delivered(), await send);
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(7), "the retry came before Slack's Retry-After");
        Assert.Single(slack.Posts("chat.postMessage (429)"));
        Assert.Equal("Pipeline review at 3", Assert.Single(slack.Posts("chat.postMessage"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task APersistent429WithALongRetryAfterGivesTheOutboxSlacksWait()
    {
        slack.RateLimitNext("chat.postMessage", times: 100, retryAfterSeconds: 42);

        var result = await Sender.SendAsync(SalesChannel, new Reply("Pipeline review at 3"), CancellationToken.None);

        Assert.Equal(new SendResult.RetryAfter(TimeSpan.FromSeconds(42)), result);
        Assert.Empty(slack.Posts("chat.postMessage"));
    }

    [Fact]
    public async Task WhenRetriesRunOutThe429sRetryAfterGoesToTheOutbox()
    {
        slack.RateLimitNext("chat.postMessage", times: 100, retryAfterSeconds: 2);

        var send = Sender.SendAsync(SalesChannel, new Reply("Pipeline review at 3"), CancellationToken.None);
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage (429)"), "the rate-limited attempt");
        await AdvanceUntilAsync(send);

        Assert.Equal(new SendResult.RetryAfter(TimeSpan.FromSeconds(2)), await send);
        Assert.Equal(4, slack.Posts("chat.postMessage (429)").Count);
    }

    /// <summary>Moves the fake clock a second at a time (the retry's wait starts just after the 429 arrives) until the send ends.</summary>
    private async Task AdvanceUntilAsync(Task send)
    {
        for (var second = 0; second < 25 && !send.IsCompleted; second++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(send, Task.Delay(TimeSpan.FromMilliseconds(300)));
        }
    }
}
