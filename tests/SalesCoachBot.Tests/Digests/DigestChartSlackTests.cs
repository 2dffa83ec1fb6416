using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Deals;
using SalesCoachBot.Digests;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Infrastructure;
using SkiaSharp;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Digests;

/// <summary>The weekly digest in a Slack channel: its text posted, and its chart shared as a completed external upload.</summary>
public sealed class DigestChartSlackTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
    }

    /// <summary>A manager with one rep and two open deals, and a digest subscription for a Slack channel.</summary>
    internal static async Task<long> SeedAsync(IServiceProvider services, string channel, string address, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var carol = db.Reps.Add(new Rep { DisplayName = "Carol", Email = "carol@example.com", IsManager = true }).Entity;
        await db.SaveChangesAsync();
        var bob = db.Reps.Add(new Rep { DisplayName = "Bob", Email = "bob@example.com", ManagerId = carol.Id }).Entity;
        await db.SaveChangesAsync();
        var acme = Deal.Open("Acme", new Money(40_000, "USD"), bob, now);
        acme.MoveTo(DealStage.Negotiation, now);
        acme.ExpectedCloseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(20);
        db.Deals.Add(acme);
        db.Deals.Add(Deal.Open("Globex", new Money(15_000, "USD"), carol, now));
        var subscription = db.DigestSubscriptions.Add(new DigestSubscription
        {
            ManagerId = carol.Id, Channel = channel, ConversationId = "C0SALES", Address = address, TimeZone = "UTC", Day = DayOfWeek.Monday, Hour = 9,
        }).Entity;
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    [Fact]
    public async Task TheDigestIsPostedAndItsChartUploadedToTheChannel()
    {
        var id = await SeedAsync(factory.Services, SlackAdapter.ChannelId, new SlackAddress("T0TEAM", "C0SALES", null, false).Write(), factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ProactiveRuns>().DigestAsync(id, CancellationToken.None));

        Assert.Equal(1, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        var post = Assert.Single(slack.Posts("chat.postMessage"));
        Assert.Equal("C0SALES", post["channel"]!.GetValue<string>());
        Assert.Contains("Stalled-deal digest", post.ToJsonString());
        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "upload_url", "files.completeUploadExternal"], slack.Calls.Select(c => c.Method));
        var ticket = slack.Posts("files.getUploadURLExternal").Single();
        var complete = slack.Posts("files.completeUploadExternal").Single();
        Assert.Equal(("C0SALES", "Stalled-deal digest: pipeline by stage and rep, forecast by month"),
            (complete["channel_id"]!.GetValue<string>(), complete["initial_comment"]!.GetValue<string>()));
        var file = JsonNode.Parse(complete["files"]!.GetValue<string>())![0]!["id"]!.GetValue<string>();
        var png = slack.Uploads[file];
        Assert.Equal(png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket["length"]!.GetValue<string>());
        using var image = SKBitmap.Decode(png);
        Assert.Equal((Charts.ManagerChartImage.Width, Charts.ManagerChartImage.Height), (image.Width, image.Height));
    }

    [Fact]
    public async Task AChartSlackRefusesLeavesTheDigestDelivered()
    {
        var id = await SeedAsync(factory.Services, SlackAdapter.ChannelId, new SlackAddress("T0TEAM", "C0SALES", null, false).Write(), factory.Clock.GetUtcNow());
        slack.ErrorNext("files.getUploadURLExternal", "not_allowed_token_type");
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProactiveRuns>().DigestAsync(id, CancellationToken.None);

        Assert.Equal(1, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        Assert.Single(slack.Posts("chat.postMessage"));
        Assert.Empty(slack.Posts("files.completeUploadExternal"));
    }
}
