using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Persistence;
using SalesCoachBot.Sqlite;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackEndpointWarmUpTests
{
    [Fact]
    public async Task OnceStartedTheBotAcknowledgesItsOwnWarmUpDeliveriesAndNeitherStoresNorAnswersThem()
    {
        using var database = new TempDatabase();
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await BotProcess.ServeAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__SalesCoach"] = database.ConnectionString,
            ["Scheduler__Enabled"] = "false",
            ["Slack__SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack__BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            ["Slack__ApiBaseUrl"] = slack.ApiUrl,
        });

        const int all = SlackEndpointWarmUp.Rounds * SlackEndpointWarmUp.AtOnce;
        await Background.UntilAsync(_ => Task.FromResult(bot.Output.Contains("Slack endpoint warmed up:", StringComparison.Ordinal)), "the warm-up's report");
        Assert.Contains($"Slack endpoint warmed up: {all} of {all} deliveries acknowledged", bot.Output, StringComparison.Ordinal);

        var options = new DbContextOptionsBuilder<SalesCoachDbContext>();
        options.UseSqliteStorage(database.ConnectionString);
        await using var db = new SalesCoachDbContext(options.Options);
        Assert.Equal(0, await db.Inbox.CountAsync());
        Assert.Empty(slack.Calls);
    }

    [Theory]
    [InlineData("http://+:3978", "http://127.0.0.1:3978/api/slack/events")]
    [InlineData("http://*:3978", "http://127.0.0.1:3978/api/slack/events")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/api/slack/events")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/api/slack/events")]
    [InlineData("https://localhost:5001 http://localhost:5000", "http://localhost:5000/api/slack/events")]
    [InlineData("http://unix:/run/salescoach.sock http://127.0.0.1:5000", "http://127.0.0.1:5000/api/slack/events")]
    [InlineData("http://unix:/run/salescoach.sock", null)]
    [InlineData("http://pipe:/salescoach", null)]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/api/slack/events")]
    [InlineData("https://0.0.0.0:443", null)]
    [InlineData("", null)]
    public void ItReachesItselfOverPlainHttpOnAnIpAddressOrLocalhostAndWildcardsAsLoopback(string listening, string? expected) =>
        Assert.Equal(expected, SlackEndpointWarmUp.LocalEndpoint(listening.Split(' ', StringSplitOptions.RemoveEmptyEntries))?.ToString());
}
