using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// The Slack Web API methods the bot uses. Retries (429 with Retry-After, 5xx, timeouts) happen in the
/// named HttpClient's resilience handler (<see cref="SlackChannel"/>); what still fails, and <c>ok: false</c>,
/// becomes <see cref="SlackApiException"/> with Slack's error code and the Retry-After Slack gave.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";

    public async Task<string?> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (blocks is not null)
            body["blocks"] = blocks;
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        var answer = await CallAsync("chat.postMessage", body, options.Value.BotToken, cancellationToken);
        return answer["ts"]?.GetValue<string>();
    }

    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken) =>
        CallAsync("chat.update", new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks ?? [] }, options.Value.BotToken, cancellationToken);

    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("conversations.open", new JsonObject { ["users"] = userId }, options.Value.BotToken, cancellationToken);
        return answer["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.open", "no_channel_in_answer");
    }

    public async Task<SlackUser> UserInfoAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync($"users.info?user={Uri.EscapeDataString(userId)}", null, options.Value.BotToken, cancellationToken);
        var user = answer["user"];
        return new SlackUser(userId,
            user?["real_name"]?.GetValue<string>() ?? user?["name"]?.GetValue<string>(),
            user?["profile"]?["email"]?.GetValue<string>(),
            user?["tz"]?.GetValue<string>(),
            user?["is_bot"]?.GetValue<bool>() ?? false);
    }

    /// <summary>
    /// Shares a file in a channel the way Slack asks now: files.getUploadURLExternal, the bytes posted to the URL it gives,
    /// then files.completeUploadExternal with the channel and a comment. Returns the file's id.
    /// </summary>
    public async Task<string> UploadFileAsync(string channel, string fileName, string title, byte[] content, string? initialComment, CancellationToken cancellationToken)
    {
        var token = options.Value.BotToken;
        var ticket = await SendAsync("files.getUploadURLExternal",
            () => Form(Url("files.getUploadURLExternal"), token, ("filename", fileName), ("length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            expectJson: true, cancellationToken);
        var uploadUrl = ticket["upload_url"]?.GetValue<string>() ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url_in_answer");
        var fileId = ticket["file_id"]?.GetValue<string>() ?? throw new SlackApiException("files.getUploadURLExternal", "no_file_id_in_answer");
        await SendAsync("upload_url", () => new HttpRequestMessage(HttpMethod.Post, new Uri(uploadUrl))
        {
            Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        }, expectJson: false, cancellationToken);
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString();
        await SendAsync("files.completeUploadExternal",
            () => Form(Url("files.completeUploadExternal"), token, [("files", files), ("channel_id", channel), .. initialComment is null ? [] : new[] { ("initial_comment", initialComment) }]),
            expectJson: true, cancellationToken);
        return fileId;
    }

    /// <summary>Opens a Socket Mode connection; returns the WebSocket URL to connect to.</summary>
    public async Task<Uri> OpenSocketAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync("apps.connections.open", new JsonObject(), options.Value.AppToken, cancellationToken);
        return new Uri(answer["url"]?.GetValue<string>() ?? throw new SlackApiException("apps.connections.open", "no_url_in_answer"));
    }

    /// <summary>Answers a slash command or button press through its response_url.</summary>
    public Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken) =>
        SendAsync("response_url", () => Json(HttpMethod.Post, new Uri(responseUrl), message, token: null), expectJson: false, cancellationToken);

    private Task<JsonObject> CallAsync(string method, JsonObject? body, string token, CancellationToken cancellationToken) =>
        SendAsync(method.Split('?')[0], () => body is null
            ? Authorized(new HttpRequestMessage(HttpMethod.Get, Url(method)), token)
            : Json(HttpMethod.Post, Url(method), body, token), expectJson: true, cancellationToken);

    private async Task<JsonObject> SendAsync(string method, Func<HttpRequestMessage> request, bool expectJson, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request(), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                BotTelemetry.CountRateLimited(SlackAdapter.ChannelId);
            var retryAfter = response.Headers.RetryAfter is { } header ? header.Delta ?? header.Date - time.GetUtcNow() : null;
            logger.LogWarning("Slack {Method} answered HTTP {Status} (Retry-After {RetryAfter})", method, (int)response.StatusCode, retryAfter);
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}") { RetryAfter = retryAfter };
        }
        if (!expectJson)
            return [];
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?.AsObject() ?? [];
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            var error = answer["error"]?.GetValue<string>() ?? "unknown_error";
            logger.LogError("Slack {Method} answered ok:false ({Error})", method, error);
            throw new SlackApiException(method, error);
        }
        return answer;
    }

    private Uri Url(string method) => new(new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/"), method);

    private static HttpRequestMessage Json(HttpMethod verb, Uri url, JsonObject body, string? token) =>
        Authorized(new HttpRequestMessage(verb, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") }, token);

    // The file methods take form fields, not JSON.
    private static HttpRequestMessage Form(Uri url, string token, params (string Name, string Value)[] fields) =>
        Authorized(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) }, token);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? token)
    {
        if (!string.IsNullOrEmpty(token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
