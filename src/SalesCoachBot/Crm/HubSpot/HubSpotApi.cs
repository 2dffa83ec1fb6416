using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>
/// HubSpot's REST API over the named HttpClient: bearer token, JSON both ways, its rate-limit headers read from every
/// answer, and its errors mapped to <see cref="CrmFailure"/> with HubSpot's own message.
/// </summary>
public sealed class HubSpotApi(IHttpClientFactory clients, IOptions<CrmOptions> options, TimeProvider time, ILogger<HubSpotApi> logger)
{
    public const string HttpClientName = "hubspot";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    public CrmRateLimit? RateLimit { get; private set; }

    /// <summary>How often, and how long at most each time, a read waits out the rate limit before it fails.</summary>
    private const int ReadWaits = 5;
    private static readonly TimeSpan LongestReadWait = TimeSpan.FromSeconds(30);

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) => ReadAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>A search: a read sent as a POST.</summary>
    public Task<JsonObject> SearchAsync(string path, JsonObject body, CancellationToken cancellationToken) => ReadAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonObject> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    // A read (a page of a pull) that meets the rate limit waits as long as HubSpot's headers say and asks again, so a
    // long pull is not given up at its first 429; a write waits in its queue instead (CrmPush).
    private async Task<JsonObject> ReadAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(method, path, body, cancellationToken);
            }
            catch (CrmException e) when (e is { Failure: CrmFailure.RateLimited, RetryAfter: { } wait } && wait <= LongestReadWait && attempt < ReadWaits)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var settings = options.Value.HubSpot;
        using var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl.TrimEnd('/') + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CrmException(CrmFailure.Unavailable, $"HubSpot did not answer ({e.Message})");
        }
        using (response)
        {
            NoteRateLimit(response.Headers);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var answer = Parse(text);
            if (answer is null && text.Length > 0 && response.StatusCode < HttpStatusCode.InternalServerError)
                throw new CrmException(CrmFailure.Unavailable,
                    $"HubSpot answered with a web page, not its API: is Crm:HubSpot:BaseUrl ({settings.BaseUrl}) right? It is https://api.hubapi.com (HTTP {(int)response.StatusCode}, {response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
            if (response.IsSuccessStatusCode)
                return answer as JsonObject ?? [];
            var message = Text(answer, "message") ?? response.ReasonPhrase ?? "no reason given";
            logger.LogWarning("HubSpot {Method} {Path} answered HTTP {Status}: {Message}", method, path.Split('?')[0], (int)response.StatusCode, message);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new CrmException(CrmFailure.Unauthorized, $"HubSpot refused the access token (Crm:HubSpot:AccessToken): {message}"),
                // A scope the private app lacks is the admin's to grant: the write waits for it, as for a refused token.
                HttpStatusCode.Forbidden when Text(answer, "category") == "MISSING_SCOPES" => new CrmException(CrmFailure.Unauthorized,
                    $"HubSpot's private app lacks the scope {MissingScopes(answer)} (docs/crm.md lists those it needs): {message}"),
                HttpStatusCode.NotFound => new CrmException(CrmFailure.NotFound, $"HubSpot has no such record: {message}"),
                HttpStatusCode.TooManyRequests => RateLimited(response.Headers),
                >= HttpStatusCode.InternalServerError => new CrmException(CrmFailure.Unavailable, $"HubSpot answered HTTP {(int)response.StatusCode}: {message}"),
                _ => new CrmException(CrmFailure.Refused, message),
            };
        }
    }

    private CrmException RateLimited(HttpResponseHeaders headers)
    {
        BotTelemetry.CountRateLimited("hubspot");
        // HubSpot does not promise Retry-After; its own headers say which window ran out.
        var wait = headers.RetryAfter is { } retry ? retry.Delta ?? retry.Date - time.GetUtcNow()
            : Header(headers, "X-HubSpot-RateLimit-Secondly-Remaining") == 0 ? TimeSpan.FromSeconds(1)
            : Header(headers, "X-HubSpot-RateLimit-Remaining") == 0 && Header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds") is { } interval ? TimeSpan.FromMilliseconds(interval)
            : Header(headers, "X-HubSpot-RateLimit-Daily-Remaining") == 0 ? TimeSpan.FromHours(1)
            : DefaultWait;
        return new CrmException(CrmFailure.RateLimited, "HubSpot's rate limit was reached", wait is { Ticks: > 0 } w ? w : TimeSpan.FromSeconds(1));
    }

    private void NoteRateLimit(HttpResponseHeaders headers)
    {
        if (Header(headers, "X-HubSpot-RateLimit-Remaining") is { } remaining)
        {
            var interval = Header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
            RateLimit = new(remaining, Header(headers, "X-HubSpot-RateLimit-Max"), interval is { } ms ? $"{ms / 1000.0:0.#} s" : "interval", time.GetUtcNow());
        }
        else if (Header(headers, "X-HubSpot-RateLimit-Daily-Remaining") is { } daily)
            RateLimit = new(daily, Header(headers, "X-HubSpot-RateLimit-Daily"), "day", time.GetUtcNow());
    }

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), out var value) ? value : null;

    private static string MissingScopes(JsonNode? answer)
    {
        var context = (answer as JsonObject)?["errors"] is JsonArray errors ? errors.FirstOrDefault()?["context"] as JsonObject : null;
        var scopes = (context?["requiredGranularScopes"] ?? context?["requiredScopes"]) as JsonArray;
        return scopes is { Count: > 0 } ? string.Join(" or ", scopes.Select(s => s?.ToString())) : "(HubSpot did not name it)";
    }

    private static string? Text(JsonNode? node, string name) => (node as JsonObject)?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
