using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackApiClient api = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        var clients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        api = new SlackApiClient(clients, Options.Create(new SlackOptions { BotToken = "xoxb-1", ApiBaseUrl = slack.ApiUrl }),
            new FakeTimeProvider(), NullLogger<SlackApiClient>.Instance);
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task OkFalseBecomesAnErrorNamingSlacksCode()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => api.UserInfoAsync("U0NOBODY", CancellationToken.None));

        Assert.Equal(("users.info", "user_not_found"), (error.Method, error.Error));
    }

    [Fact]
    public async Task UserInfoGivesNameEmailTimeZoneAndLocale()
    {
        slack.AddUser("U0ALICE", "Alice Example", "alice@example.com", "Asia/Jakarta", locale: "id-ID");

        Assert.Equal(new SlackUser("U0ALICE", "Alice Example", "alice@example.com", "Asia/Jakarta", false) { Locale = "id-ID" }, await api.UserInfoAsync("U0ALICE", CancellationToken.None));
    }

    [Fact]
    public async Task ADirectMessageChannelIsOpenedForAUser() =>
        Assert.Equal("DU0ALICE", await api.OpenDirectMessageAsync("U0ALICE", CancellationToken.None));
}
