using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Crm.Salesforce;

/// <summary>
/// Salesforce's REST API over the named HttpClient: a token from the OAuth 2.0 client credentials flow (taken again
/// once when refused), JSON both ways, the daily API usage from <c>Sforce-Limit-Info</c>, and errors mapped to
/// <see cref="CrmFailure"/> with Salesforce's own message.
/// </summary>
public sealed partial class SalesforceApi(IHttpClientFactory clients, IOptions<CrmOptions> options, TimeProvider time, ILogger<SalesforceApi> logger)
{
    public const string HttpClientName = "salesforce";
    private readonly SemaphoreSlim login = new(1, 1);
    private (string Token, string InstanceUrl)? session;

    public CrmRateLimit? RateLimit { get; private set; }

    private SalesforceOptions Settings => options.Value.Salesforce;

    /// <summary>A path under the REST API (<c>/query?q=…</c>), or a path the API returned (<c>/services/data/…</c>).</summary>
    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode?> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (token, instance) = await SessionAsync(cancellationToken);
            var url = path.StartsWith("/services/", StringComparison.Ordinal) ? instance + path : $"{instance}/services/data/{Settings.ApiVersion}{path}";
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await CallAsync(request, cancellationToken);
            NoteLimit(response.Headers);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var answer = Answer(response, text);
            if (response.IsSuccessStatusCode)
                return answer;
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                session = null; // the token expired: log in again, once
                continue;
            }
            var (code, message) = Error(answer, response);
            logger.LogWarning("Salesforce {Method} {Path} answered HTTP {Status}: {Code} {Message}", method, path.Split('?')[0], (int)response.StatusCode, code, message);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new CrmException(CrmFailure.Unauthorized, $"Salesforce refused the session: {message}"),
                HttpStatusCode.NotFound => new CrmException(CrmFailure.NotFound, $"Salesforce has no such record: {message}"),
                HttpStatusCode.TooManyRequests => new CrmException(CrmFailure.RateLimited, "Salesforce's rate limit was reached", RetryAfter(response.Headers) ?? TimeSpan.FromSeconds(10)),
                HttpStatusCode.Forbidden when code == "REQUEST_LIMIT_EXCEEDED" => new CrmException(CrmFailure.RateLimited, $"Salesforce's daily API limit was reached: {message}", TimeSpan.FromHours(1)),
                >= HttpStatusCode.InternalServerError => new CrmException(CrmFailure.Unavailable, $"Salesforce answered HTTP {(int)response.StatusCode}: {message}"),
                _ => new CrmException(CrmFailure.Refused, message),
            };
        }
    }

    private async Task<(string Token, string InstanceUrl)> SessionAsync(CancellationToken cancellationToken)
    {
        await login.WaitAsync(cancellationToken);
        try
        {
            if (session is { } current)
                return current;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Settings.InstanceUrl.TrimEnd('/')}/services/oauth2/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = Settings.ClientId,
                    ["client_secret"] = Settings.ClientSecret,
                }),
            };
            using var response = await CallAsync(request, cancellationToken);
            var answer = Answer(response, await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            if (!response.IsSuccessStatusCode || Text(answer, "access_token") is null)
            {
                var why = Text(answer, "error_description") ?? Text(answer, "error") ?? $"HTTP {(int)response.StatusCode}";
                throw new CrmException(response.StatusCode >= HttpStatusCode.InternalServerError ? CrmFailure.Unavailable : CrmFailure.Unauthorized,
                    $"Salesforce refused the login (Crm:Salesforce:ClientId, Crm:Salesforce:ClientSecret): {why}");
            }
            var instance = Text(answer, "instance_url") ?? Settings.InstanceUrl;
            session = (Text(answer, "access_token")!, instance.TrimEnd('/'));
            return session.Value;
        }
        finally
        {
            login.Release();
        }
    }

    private async Task<HttpResponseMessage> CallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CrmException(CrmFailure.Unavailable, $"Salesforce did not answer ({e.Message})");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseHeaders headers) => headers.RetryAfter is { } retry ? retry.Delta ?? retry.Date - time.GetUtcNow() : null;

    private void NoteLimit(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("Sforce-Limit-Info", out var values) && ApiUsage().Match(values.First()) is { Success: true } usage)
        {
            var (used, max) = (long.Parse(usage.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), long.Parse(usage.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            RateLimit = new(max - used, max, "day", time.GetUtcNow());
        }
        if (RateLimit is { Remaining: <= 0 })
            BotTelemetry.CountRateLimited("salesforce");
    }

    /// <summary>The answer's JSON; a web page where the API should be (a Lightning or login address) is named as such.</summary>
    private JsonNode? Answer(HttpResponseMessage response, string text)
    {
        if (text.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException) when (response.StatusCode < HttpStatusCode.InternalServerError)
        {
            throw new CrmException(CrmFailure.Unavailable, $"Salesforce answered with a web page, not its API: is Crm:Salesforce:InstanceUrl ({Settings.InstanceUrl}) " +
                $"your My Domain URL, https://<domain>.my.salesforce.com? (HTTP {(int)response.StatusCode}, {response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static (string? Code, string Message) Error(JsonNode? answer, HttpResponseMessage response)
    {
        var error = answer is JsonArray list ? list.FirstOrDefault() as JsonObject : answer as JsonObject;
        return (Text(error, "errorCode"), Text(error, "message") ?? response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}");
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"api-usage=(\d+)/(\d+)")]
    private static partial Regex ApiUsage();
}
