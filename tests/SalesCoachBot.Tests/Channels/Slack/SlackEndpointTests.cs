using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Cli;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class SlackEndpointTests : IAsyncLifetime
{
    private const string Alice = SlackHost.Alice;
    private SlackHost host = null!;
    private FakeSlack slack = null!;
    private BotApplicationFactory factory = null!;
    private HttpClient client = null!;

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync();
        (slack, factory) = (host.Slack, host.Factory);
        client = factory.CreateClient();
    }

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task UrlVerificationAnswersTheChallenge()
    {
        var response = await client.SendAsync(Event(UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADirectMessageIsAnsweredInTheDmAsBlockKitWithATextFallback()
    {
        var response = await client.SendAsync(Event(DirectMessage("Ev0001", Alice, "new deal Acme Corp $45,000"), Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await slack.WaitForPostsAsync(1);
        var post = slack.Posts("chat.postMessage").Single();
        Assert.Equal("D0ALICE", post["channel"]!.GetValue<string>());
        Assert.Equal("New deal: Acme Corp: Created in Prospecting.", post["text"]!.GetValue<string>());
        Assert.StartsWith("Bearer xoxb-", post["authorization"]!.GetValue<string>());
        var blocks = post["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Contains("*Amount*\n$45,000", blocks[2]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()));
        var undo = blocks[4]!["elements"]![0]!;
        Assert.Equal(("coach_button_0", "Undo", "undo"), (undo["action_id"]!.GetValue<string>(), undo["text"]!["text"]!.GetValue<string>(), undo["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnAppMentionIsAnsweredInAThreadUnderIt()
    {
        await client.SendAsync(Event(AppMention("Ev0002", Alice, "my deals"), Now));

        await slack.WaitForPostsAsync(1);
        var post = slack.Posts("chat.postMessage").Single();
        Assert.Equal(("C0SALES", "1772442000.000200"), (post["channel"]!.GetValue<string>(), post["thread_ts"]!.GetValue<string>()));
        Assert.Contains("no open deals", post["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheBotIgnoresItsOwnAndOtherBotsMessagesAndEdits()
    {
        var own = DirectMessage("Ev0003", BotUserId, "my deals");
        var otherBot = DirectMessage("Ev0004", "U0OTHER", "my deals");
        otherBot["event"]!["bot_id"] = "B0OTHER";
        var edit = DirectMessage("Ev0005", Alice, "my deals");
        edit["event"]!["subtype"] = "message_changed";
        foreach (var ignored in new[] { own, otherBot, edit })
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Event(ignored, Now))).StatusCode);

        await client.SendAsync(Event(DirectMessage("Ev0006", Alice, "help"), Now));
        await slack.WaitForPostsAsync(1);

        Assert.Contains("SalesCoachBot", Assert.Single(slack.Posts("chat.postMessage"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASlashCommandRunsTheSameUnderstandingAndAnswersOnlyTheRepThroughTheResponseUrl()
    {
        await client.SendAsync(Event(DirectMessage("Ev0007", Alice, "new deal Acme Corp $45,000"), Now));
        await slack.WaitForPostsAsync(1);

        var response = await client.SendAsync(SlashCommand(Alice, "pipeline", slack.ResponseUrl("r1"), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "response_url"), "a response_url post");
        var answer = slack.Posts("response_url").Single();
        Assert.Equal(("r1", "ephemeral"), (answer["response_url_id"]!.GetValue<string>(), answer["response_type"]!.GetValue<string>()));
        Assert.Contains("Your pipeline", answer["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AButtonPressRoutesIntoTheSameDialogAsATypedAnswer()
    {
        await client.SendAsync(Event(DirectMessage("Ev0008", Alice, "new deal Acme Corp"), Now));
        await slack.WaitForPostsAsync(1);
        await client.SendAsync(Event(DirectMessage("Ev0009", Alice, "called acme today, send pricing on Friday"), Now));
        await slack.WaitForPostsAsync(2);
        var confirm = slack.Posts("chat.postMessage")[1]["blocks"]!.AsArray().Last()!["elements"]![0]!["value"]!.GetValue<string>();

        var response = await client.SendAsync(ButtonPress(Alice, "D0ALICE", 0, confirm, slack.ResponseUrl("r2"), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await slack.WaitForPostsAsync(3);
        Assert.StartsWith("Logged: call on Acme Corp, today. I'll remind you Fri 6 Mar", slack.Posts("chat.postMessage")[2]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASlackUserIsTheSameRepAsTheirOtherAccountsByEmail()
    {
        await ChatCommand.RunAsync(["--user", "alice@example.com"], new StringReader("new deal Acme Corp $45,000\n"), new StringWriter(), inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = host.Database.ConnectionString);

        await client.SendAsync(Event(DirectMessage("Ev0010", Alice, "my deals"), Now));
        await slack.WaitForPostsAsync(1);

        Assert.Contains("Your open deals (1)", slack.Posts("chat.postMessage")[0]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARetriedDeliveryIsAcknowledgedAndRunOnce()
    {
        var message = DirectMessage("Ev0011", Alice, "new deal Acme Corp");
        await client.SendAsync(Event(message, Now));
        var retry = Event(message, Now);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(retry)).StatusCode);
        await client.SendAsync(Event(DirectMessage("Ev0012", Alice, "my deals"), Now));

        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage" && x.Body["text"]!.ToString().StartsWith("Your open deals")), "the deals list");
        Assert.Equal(2, slack.Posts("chat.postMessage").Count);
        Assert.Contains("Your open deals (1)", slack.Posts("chat.postMessage").Last()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARateLimitedPostIsRetriedAfterRetryAfterAndDelivered()
    {
        slack.RateLimitNext("chat.postMessage");

        await client.SendAsync(Event(DirectMessage("Ev0013", Alice, "help"), Now));
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage (429)"), "the rate-limited attempt");

        // The client starts its wait on the fake clock just after the 429 arrives: move time on until it retries.
        for (var second = 0; second < 20 && slack.Posts("chat.postMessage").Count == 0; second++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            try { await slack.WaitForPostsAsync(1, TimeSpan.FromMilliseconds(500)); }
            catch (TimeoutException) { }
        }
        Assert.Single(slack.Posts("chat.postMessage (429)"));
        Assert.Contains("SalesCoachBot", slack.Posts("chat.postMessage").Single()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAnswerSlackHoldsBackForLongGoesOutThroughTheOutboxInsteadOfBeingLost()
    {
        slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 45);

        await client.SendAsync(Event(AppMention("Ev0014", Alice, "help"), Now));
        await slack.WaitUntilAsync(c => c.Any(x => x.Method == "chat.postMessage (429)"), "the rate-limited attempt");
        await WaitForOutboxAsync();
        Assert.Empty(slack.Posts("chat.postMessage"));

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Outbox.OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        var post = Assert.Single(slack.Posts("chat.postMessage"));
        Assert.Contains("SalesCoachBot", post["text"]!.GetValue<string>());
        Assert.Equal(("C0SALES", "1772442000.000200"), (post["channel"]!.GetValue<string>(), post["thread_ts"]!.GetValue<string>()));
    }

    private async Task WaitForOutboxAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Outbox.AnyAsync(m => m.Kind == SalesCoachBot.Outbox.MessageKind.Reply))
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The rate-limited answer never reached the outbox.");
    }

    [Fact]
    public async Task SlackAddressesStoredAsBotFrameworkReferencesAreRewrittenAndStillReachTheRep()
    {
        const string reference = "{\"channelId\":\"slack\",\"serviceUrl\":\"https://slack.com\",\"user\":{\"id\":\"U0ALICE\"},\"conversation\":{\"conversationType\":\"personal\",\"id\":\"D0ALICE\",\"tenantId\":\"T0SALES\"}}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
            var rep = db.Reps.Add(new SalesCoachBot.Reps.Rep { DisplayName = "Alice", CreatedAt = Now }).Entity;
            await db.SaveChangesAsync();
            db.RepAccounts.Add(new SalesCoachBot.Reps.RepAccount { RepId = rep.Id, Channel = "slack", AccountId = "U0ALICE", Address = reference });
            await db.SaveChangesAsync();
        }

        await new SlackAddressUpgrade(factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>(), factory.Services.GetRequiredService<StartUpLane>(),
            factory.Services.GetRequiredService<IHostApplicationLifetime>(), NullLogger<SlackAddressUpgrade>.Instance).UpgradeAsync(CancellationToken.None);

        await using var check = factory.Services.CreateAsyncScope();
        var address = (await check.ServiceProvider.GetRequiredService<SalesCoachDbContext>().RepAccounts.SingleAsync()).Address!;
        Assert.Equal(new SlackAddress("T0SALES", "D0ALICE", "U0ALICE", Personal: true), SlackAddress.Read(address));
        Assert.DoesNotContain("conversation", address);
        var sender = factory.Services.GetServices<SalesCoachBot.Outbox.IProactiveSender>().Single(s => s.Channel == "slack");
        Assert.Equal(new SalesCoachBot.Outbox.SendResult.Delivered(), await sender.SendAsync(address, new SalesCoachBot.Replies.Reply("Acme has gone quiet"), CancellationToken.None));
        Assert.Equal("Acme has gone quiet", slack.Posts("chat.postMessage").Single()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheAcknowledgementReturnsWhileASlowTurnIsStillRunning()
    {
        var gate = slack.HoldUserInfo();

        var response = await client.SendAsync(Event(DirectMessage("Ev0014", Alice, "help"), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(slack.Posts("chat.postMessage"));
        gate.SetResult();
        await slack.WaitForPostsAsync(1);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("modified body")]
    [InlineData("stale timestamp")]
    [InlineData("missing signature")]
    [InlineData("missing timestamp")]
    public async Task ARequestNotSignedBySlackGets401AndRunsNothing(string fault)
    {
        var body = DirectMessage("Ev0015", Alice, "new deal Acme Corp").ToJsonString();
        var request = fault switch
        {
            "wrong secret" => Signed("/api/slack/events", body, "application/json", Now, secret: "not-the-secret"),
            "stale timestamp" => Signed("/api/slack/events", body, "application/json", Now.AddMinutes(-6)),
            _ => Signed("/api/slack/events", body, "application/json", Now),
        };
        if (fault == "modified body")
            request.Content = new StringContent(body.Replace("Acme Corp", "Evil Corp"), System.Text.Encoding.UTF8, "application/json");
        if (fault == "missing signature")
            request.Headers.Remove("X-Slack-Signature");
        if (fault == "missing timestamp")
            request.Headers.Remove("X-Slack-Request-Timestamp");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.Empty(await db.Inbox.ToListAsync());
        Assert.Empty(await db.Deals.ToListAsync());
    }

    [Fact]
    public async Task WithoutASigningSecretTheSlackEndpointsAreNotThere()
    {
        await using var plain = new BotApplicationFactory(host.Database.ConnectionString);
        var response = await plain.CreateClient().SendAsync(Event(DirectMessage("Ev0016", Alice, "help"), Now));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plain.CreateClient().GetAsync("/healthz")).StatusCode);
    }
}
