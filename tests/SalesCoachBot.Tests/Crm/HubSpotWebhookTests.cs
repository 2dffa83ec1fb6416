using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Crm;
using SalesCoachBot.Crm.HubSpot;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Crm;

/// <summary>HubSpot's webhooks read a changed or deleted deal at once: signed with the app's client secret, never stale.</summary>
public sealed class HubSpotWebhookTests : IAsyncLifetime
{
    private const string Secret = "hubspot-client-secret";
    private readonly TempDatabase database = new();
    private FakeHubSpot hubSpot = null!;
    private BotApplicationFactory host = null!;
    private string dealId = "";

    public async Task InitializeAsync()
    {
        hubSpot = await FakeHubSpot.StartAsync();
        hubSpot.AddOwner("101", "alice@example.com", "Alice", "Archer");
        dealId = hubSpot.AddDeal(new() { ["dealname"] = "Acme Corp", ["dealstage"] = "qualifiedtobuy", ["amount"] = "40000", ["hubspot_owner_id"] = "101" });
        host = Host();
        host.CreateClient();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmPull>().PullAsync(full: true, CancellationToken.None);
    }

    private BotApplicationFactory Host(params (string Key, string Value)[] more) => new(database.ConnectionString, settings: new Dictionary<string, string>
    {
        ["Crm:Provider"] = "HubSpot",
        ["Crm:HubSpot:AccessToken"] = FakeHubSpot.Token,
        ["Crm:HubSpot:BaseUrl"] = hubSpot.BaseUrl,
        ["Crm:HubSpot:ClientSecret"] = Secret,
    }.Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value))).ToDictionary());

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await hubSpot.DisposeAsync();
        database.Dispose();
    }

    private string Events(string type) =>
        $$"""[{"eventId":1,"subscriptionId":7,"portalId":62515,"appId":1160452,"occurredAt":{{host.Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"subscriptionType":"{{type}}","attemptNumber":0,"objectId":{{dealId}},"propertyName":"amount","propertyValue":"55000","changeSource":"CRM"}]""";

    private async Task<HttpStatusCode> PostAsync(string body, string? secret = Secret, TimeSpan? age = null, string signedUri = "http://localhost" + HubSpotWebhook.Path,
        BotApplicationFactory? to = null)
    {
        var host = to ?? this.host;
        var timestamp = (host.Clock.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, HubSpotWebhook.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        request.Headers.Add("X-HubSpot-Signature-v3", HubSpotSignature.Sign(secret ?? "", "POST", signedUri, body, timestamp));
        return (await host.CreateClient().SendAsync(request)).StatusCode;
    }

    private async Task<decimal?> AmountAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContextAsync();
        return (await db.Deals.SingleOrDefaultAsync())?.Amount;
    }

    private Task AmountBecomesAsync(decimal? amount) =>
        Background.UntilAsync(async _ => await AmountAsync() == amount, $"the amount {amount?.ToString() ?? "gone"}");

    [Fact]
    public async Task ASignedPropertyChangeIsAnsweredAtOnceAndReadJustAfter()
    {
        hubSpot.ChangeDeal(dealId, new() { ["amount"] = "55000" });
        var read = hubSpot.Hold("GET /crm/v3/objects/deals/"); // HubSpot slow to answer the read

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Events("deal.propertyChange"))); // HubSpot is not kept waiting
        Assert.Equal(40000m, await AmountAsync());

        read.SetResult();
        await AmountBecomesAsync(55000m);
    }

    [Fact]
    public async Task AWrongSignatureOrAStaleTimestampIsRefusedAndNothingIsRead()
    {
        hubSpot.ChangeDeal(dealId, new() { ["amount"] = "55000" });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Events("deal.propertyChange"), secret: "someone-else"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Events("deal.propertyChange"), age: TimeSpan.FromMinutes(6)));

        Assert.Equal(40000m, await AmountAsync());
    }

    [Fact]
    public async Task BehindAProxyTheSignatureIsCheckedAgainstThePublicUrlHubSpotCalls()
    {
        const string publicUrl = "https://coach.example.com" + HubSpotWebhook.Path; // TLS ends at the proxy: the bot sees http://its-own-host/…
        await using var proxied = Host(("Crm:HubSpot:WebhookUrl", publicUrl));
        hubSpot.ChangeDeal(dealId, new() { ["amount"] = "55000" });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Events("deal.propertyChange"), to: proxied)); // signed for another URL
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Events("deal.propertyChange"), signedUri: publicUrl, to: proxied));

        await AmountBecomesAsync(55000m);
    }

    [Fact]
    public async Task ADeletionArchivesTheDealHere()
    {
        hubSpot.DeleteDeal(dealId);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Events("deal.deletion")));

        await AmountBecomesAsync(null);
    }
}
