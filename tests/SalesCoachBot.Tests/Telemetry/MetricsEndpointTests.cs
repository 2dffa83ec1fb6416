using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Telemetry;

public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task WithPrometheusOnMetricsAreServedAsPrometheusText()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["Telemetry:Prometheus"] = "true" });
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<ChatTurns>().RespondAsync(
            new("test", "rep-1", "Alice"), "help", new ConversationPlace("test", "conversation-1", true, "", "rep-1"), CancellationToken.None);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("salescoachbot_turns_total{", text);
        Assert.Contains("salescoachbot_turn_duration_seconds_bucket{", text);
    }

    [Fact]
    public async Task WithoutPrometheusThereIsNoMetricsEndpoint()
    {
        await using var factory = new BotApplicationFactory(database.ConnectionString);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    public void Dispose() => database.Dispose();
}
