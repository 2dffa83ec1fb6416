using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>A host told to stop takes no new Slack turns, lets a running one finish within the shutdown time, and gives back the rest.</summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private SlackHost slack = null!;

    public async Task InitializeAsync() => slack = await SlackHost.StartAsync(new Dictionary<string, string> { ["Storage:InstanceId"] = "host-a" });

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task ATurnStillRunningWhenTheShutdownTimeRunsOutIsGivenBackForAnotherHost()
    {
        slack.Slack.HoldUserInfo(); // the turn hangs and never finishes by itself
        await SayAsync("Ev1", "show deal Acme");
        await LeasedAsync(1);

        using var shutdownTime = new CancellationTokenSource();
        var stopping = Worker().StopAsync(shutdownTime.Token);
        await SayAsync("Ev2", "show deal Globex", "D0OTHER"); // another conversation, arriving while stopping: stored, not taken
        await shutdownTime.CancelAsync(); // the host's shutdown time is up
        await stopping;

        await using var db = Db();
        var messages = await db.Inbox.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(m.LeasedBy is null && m.DoneAt is null, $"{m.DeliveryId} is held or done"));
        Assert.Empty(slack.Slack.Posts("chat.postMessage"));
    }

    [Fact]
    public async Task ATurnThatFinishesWithinTheShutdownTimeIsAnsweredAndDone()
    {
        var gate = slack.Slack.HoldUserInfo();
        await SayAsync("Ev1", "show deal Acme");
        await LeasedAsync(1);

        var stopping = Worker().StopAsync(CancellationToken.None);
        gate.SetResult();
        await stopping;

        Assert.Contains("Acme", Assert.Single(slack.Slack.Posts("chat.postMessage"))["text"]?.ToString());
        await using var db = Db();
        Assert.NotNull((await db.Inbox.SingleAsync()).DoneAt);
    }

    private SlackTurnWorker Worker() => slack.Factory.Services.GetServices<IHostedService>().OfType<SlackTurnWorker>().Single();

    private async Task SayAsync(string eventId, string text, string channel = "D0ALICE") =>
        (await slack.Factory.CreateClient().SendAsync(SlackRequests.Event(SlackRequests.DirectMessage(eventId, SlackHost.Alice, text, channel), slack.Factory.Clock.GetUtcNow())))
            .EnsureSuccessStatusCode();

    private Task LeasedAsync(int count) =>
        Background.UntilAsync(async token => await Db().Inbox.CountAsync(m => m.LeasedBy == "host-a", token) >= count, $"{count} leased turn(s)");

    private SalesCoachDbContext Db() => slack.Factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();
}
