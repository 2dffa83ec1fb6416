using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// The first burst of Slack deliveries after a start used to meet cold code: new connections, and the request path
/// run for the first time many at once (acknowledgements 2–3 times slower than in the next burst). Once the host
/// listens and the understanding has warmed up, this sends its own Slack endpoint a few rounds of signed deliveries at
/// once, each round over new connections, of a kind the endpoint acknowledges and does not store (another bot's
/// message), then closes them — in its turn on the <see cref="StartUpLane"/>.
/// </summary>
internal sealed class SlackEndpointWarmUp(IServer server, IOptions<SlackOptions> options, TimeProvider time, StartUpLane lane, IHostApplicationLifetime lifetime,
    ILogger<SlackEndpointWarmUp> logger) : StartUpLaneWork(lane, StartUpWork.SlackEndpoint, lifetime, logger)
{
    public const int Rounds = 3;
    public const int AtOnce = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slack = options.Value;
        if (!slack.WarmUp || slack.SocketMode || string.IsNullOrWhiteSpace(slack.SigningSecret))
            return;
        try
        {
            await SendRoundsAsync(slack.SigningSecret, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("The Slack endpoint's warm-up stopped early ({Problem}); the first deliveries warm it instead", e.Message); // never stops the host
        }
    }

    private async Task SendRoundsAsync(string signingSecret, CancellationToken stoppingToken)
    {
        if (LocalEndpoint(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } endpoint)
        {
            logger.LogInformation("The Slack endpoint is not warmed up: this host listens on no plain-HTTP address of its own");
            return;
        }
        var started = Stopwatch.GetTimestamp();
        // One delivery, signed once, sent over and over: the endpoint stores none of them, so repeats are not refused.
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Sign(signingSecret, timestamp, OtherBotsMessage);
        var acknowledged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // A client a round, so each round's deliveries arrive on new connections, as a burst from Slack does.
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = AtOnce, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => SendAsync(client, endpoint, timestamp, signature, stoppingToken)));
            acknowledged += answers.Count(ok => ok);
        }
        logger.Log(acknowledged == Rounds * AtOnce ? LogLevel.Information : LogLevel.Warning,
            "Slack endpoint warmed up: {Acknowledged} of {Sent} deliveries acknowledged in {Milliseconds:0} ms",
            acknowledged, Rounds * AtOnce, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Where this host can reach itself over plain HTTP: an IP address or localhost it listens on, a wildcard host as
    /// loopback. Unix sockets, named pipes and https are passed over.
    /// </summary>
    public static Uri? LocalEndpoint(IEnumerable<string> addresses)
    {
        foreach (var binding in addresses.Select(BindingAddress.Parse))
        {
            var host = binding.Host is "+" or "*" or "[::]" or "0.0.0.0" ? "127.0.0.1" : binding.Host;
            if (binding.Scheme == Uri.UriSchemeHttp && !binding.IsUnixPipe && !binding.IsNamedPipe &&
                (host == "localhost" || IPAddress.TryParse(host, out _)))
                return new UriBuilder(Uri.UriSchemeHttp, host, binding.Port, "/api/slack/events").Uri;
        }
        return null;
    }

    private async Task<bool> SendAsync(HttpClient client, Uri endpoint, string timestamp, string signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(OtherBotsMessage) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SlackEndpoints.TimestampHeader, timestamp);
        request.Headers.Add(SlackEndpoints.SignatureHeader, signature);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Slack endpoint warm-up: {Problem}", e.Message);
            return false;
        }
    }

    // An event callback as Slack sends one for a DM, from another bot: the bot acknowledges it and never answers it.
    private static readonly byte[] OtherBotsMessage = Encoding.UTF8.GetBytes(new JsonObject
    {
        ["token"] = "warm-up",
        ["team_id"] = "T0WARMUP",
        ["api_app_id"] = "A0WARMUP",
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "D0WARMUP",
            ["channel_type"] = "im",
            ["user"] = "U0WARMUP",
            ["bot_id"] = "B0WARMUP",
            ["text"] = "warming up",
            ["ts"] = "0000000000.000000",
        },
        ["type"] = "event_callback",
        ["event_id"] = "Ev0WARMUP",
        ["event_time"] = 0,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0WARMUP", ["user_id"] = "U0SALESCOACH", ["is_bot"] = true }),
    }.ToJsonString());
}
