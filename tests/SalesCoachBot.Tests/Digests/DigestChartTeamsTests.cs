using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;
using SkiaSharp;

namespace SalesCoachBot.Tests.Digests;

/// <summary>The weekly digest in a Teams channel: a card whose image the bot serves under a token, until it expires.</summary>
public sealed class DigestChartTeamsTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeBotConnector teams = null!;

    public async Task InitializeAsync() => teams = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await teams.DisposeAsync();
        database.Dispose();
    }

    private string ChannelAddress => new JsonObject
    {
        ["channelId"] = "msteams",
        ["serviceUrl"] = teams.ServiceUrl,
        ["conversation"] = new JsonObject { ["id"] = "19:sales@thread.tacv2", ["isGroup"] = true, ["conversationType"] = "channel" },
        ["bot"] = new JsonObject { ["id"] = "28:salescoach" },
    }.ToJsonString();

    private async Task<SentActivity> DigestAsync(BotApplicationFactory factory)
    {
        var id = await DigestChartSlackTests.SeedAsync(factory.Services, "msteams", ChannelAddress, factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProactiveRuns>().DigestAsync(id, CancellationToken.None);
        Assert.Equal(1, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        return Assert.Single(teams.Sent);
    }

    [Fact]
    public async Task TheCardShowsAChartTheBotServesUntilItExpires()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Bot:PublicBaseUrl"] = "https://bot.example.com/",
            ["Bot:ChartLifetime"] = "7.00:00:00",
        });

        var digest = await DigestAsync(factory);

        Assert.Contains("Stalled-deal digest", digest.Visible);
        var image = digest.Card!["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Image")!;
        var url = new Uri(image["url"]!.GetValue<string>());
        Assert.Equal(("https", "bot.example.com"), (url.Scheme, url.Host));
        Assert.Matches("^/charts/[A-Za-z0-9_-]{43}\\.png$", url.AbsolutePath); // 32 random bytes
        var client = factory.CreateClient();
        var served = await client.GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        using (var png = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
            Assert.Equal((Charts.ManagerChartImage.Width, Charts.ManagerChartImage.Height), (png.Width, png.Height));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/charts/" + new string('A', 43) + ".png")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task WithoutAPublicUrlTheDigestGoesWithoutTheChart()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString);

        var digest = await DigestAsync(factory);

        Assert.Contains("Stalled-deal digest", digest.Visible);
        Assert.DoesNotContain(digest.Card!["body"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "Image");
        Assert.DoesNotContain("chart", digest.Visible, StringComparison.OrdinalIgnoreCase);
    }
}
