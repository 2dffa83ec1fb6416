using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>Many reps writing at once while Slack's Web API is slow: storing their messages, answering their conversations.</summary>
public sealed class SlackBurstTests
{
    [Fact]
    public async Task DeliveriesArrivingTogetherAreStoredInFewCommitsAndEachOnce()
    {
        using var database = new TempDatabase();
        var commits = new CommitCounter();
        // Slack off: no worker leases what is stored, so every commit counted is the inbox storing deliveries.
        await using var factory = new BotApplicationFactory(database.ConnectionString);
        await using var counting = factory.WithWebHostBuilder(b => b.ConfigureTestServices(commits.AddTo));
        var inbox = counting.Services.GetRequiredService<Inbox>();
        await inbox.TryAcceptAsync("slack", "slack:warm-up", "slack:D0WARM/U0WARM", "{}", CancellationToken.None);
        commits.Reset();

        var deliveries = Enumerable.Range(0, 40).Select(i => $"slack:Ev{i}").Append("slack:Ev7").ToList();
        // Another writer holds SQLite's write lock while they arrive, so they all arrive while a write waits.
        await using var otherWriter = new SqliteConnection(database.ConnectionString);
        await otherWriter.OpenAsync();
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", otherWriter))
            await begin.ExecuteNonQueryAsync();
        var storing = deliveries.Select(id => inbox.TryAcceptAsync("slack", id, $"slack:D0REP/{id}", "{}", CancellationToken.None)).ToList();
        await using (var rollback = new SqliteCommand("ROLLBACK", otherWriter))
            await rollback.ExecuteNonQueryAsync();
        var stored = await Task.WhenAll(storing);
        var burstCommits = commits.Commits; // before the repeat below, which is a write (and a commit) of its own

        Assert.Equal(40, stored.Count(s => s)); // the repeat of Ev7 is not stored twice
        Assert.False(await inbox.TryAcceptAsync("slack", "slack:Ev3", "slack:D0REP/slack:Ev3", "{}", CancellationToken.None));
        // One commit each would be 40: the first write takes what had arrived when it began, the next all the rest.
        Assert.True(burstCommits <= 2, $"40 deliveries took {burstCommits} commits:\n{commits.Writes}");
    }

    [Fact]
    public async Task AHundredConversationsWaitOnASlowSlackAtOnceWithTheDefaultSettings()
    {
        const int reps = 100;
        await using var host = await SlackHost.StartAsync();
        var gate = host.Slack.HoldUserInfo(); // every turn waits on Slack's users.info
        var client = host.Factory.CreateClient();
        for (var rep = 0; rep < reps; rep++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SlackRequests.Event(
                SlackRequests.DirectMessage($"Ev{rep}", $"U0REP{rep}", "help", $"D0REP{rep}"), host.Factory.Clock.GetUtcNow()))).StatusCode);

        // None waits for another conversation's slow answer before it starts.
        await Background.UntilAsync(_ => Task.FromResult(host.Slack.HeldCalls("users.info") >= reps), $"all {reps} conversations waiting on Slack");
        Assert.Equal(reps, host.Slack.HeldCalls("users.info"));

        gate.SetResult();
        await host.Slack.WaitForPostsAsync(reps);
    }
}
