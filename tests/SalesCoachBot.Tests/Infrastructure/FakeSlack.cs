using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// Slack's Web API (chat.postMessage, chat.update, conversations.open, users.info, apps.connections.open,
/// files.getUploadURLExternal with its upload URL, files.completeUploadExternal),
/// response URLs and a Socket Mode WebSocket, on 127.0.0.1, recording what the bot sends.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    /// <summary>Only reached when something is wrong; a first turn on a fresh machine waits for the understanding model to be trained.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Method, JsonObject Body)> calls = new();
    private readonly ConcurrentDictionary<string, JsonObject> users = new();
    private readonly ConcurrentDictionary<string, (int Left, int RetryAfterSeconds)> rateLimited = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> failing = new();
    private readonly Channel<FakeSlackSocket> sockets = Channel.CreateUnbounded<FakeSlackSocket>();
    private readonly SemaphoreSlim changed = new(0);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new();
    private readonly ConcurrentDictionary<string, int> heldCalls = new();

    private FakeSlack(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public string ApiUrl => BaseUrl + "/api/";
    public string ResponseUrl(string id) => $"{BaseUrl}/response/{id}";

    /// <summary>Every Web API call and response-URL post, in order, as (method, JSON body).</summary>
    public IReadOnlyList<(string Method, JsonObject Body)> Calls => [.. calls];

    /// <summary>The bytes posted to each upload URL files.getUploadURLExternal gave, by file id.</summary>
    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new();

    public IReadOnlyList<JsonObject> Posts(string method) => [.. calls.Where(c => c.Method == method).Select(c => c.Body)];

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlack(builder.Build());
        fake.app.UseWebSockets();
        fake.app.MapPost("/api/{method}", fake.ApiAsync);
        fake.app.MapGet("/api/{method}", fake.ApiAsync);
        fake.app.MapPost("/response/{id}", fake.ResponseAsync);
        fake.app.MapPost("/upload/{id}", fake.UploadAsync);
        fake.app.Map("/socket", fake.SocketAsync);
        await fake.app.StartAsync();
        fake.BaseUrl = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public void AddUser(string id, string name, string? email, string timeZone = "Europe/London") => users[id] = new JsonObject
    {
        ["id"] = id,
        ["name"] = name.ToLowerInvariant().Replace(' ', '.'),
        ["real_name"] = name,
        ["tz"] = timeZone,
        ["is_bot"] = false,
        ["profile"] = new JsonObject { ["email"] = email, ["real_name"] = name },
    };

    /// <summary>The next <paramref name="times"/> calls of the method are answered 429 with the given Retry-After.</summary>
    public void RateLimitNext(string method, int times = 1, int retryAfterSeconds = 1) =>
        rateLimited.AddOrUpdate(method, (times, retryAfterSeconds), (_, n) => (n.Left + times, retryAfterSeconds));

    /// <summary>The next <paramref name="times"/> calls of the method are answered with this HTTP status (recorded as "method (status)").</summary>
    public void FailNext(string method, int status, int times = 1) => Enqueue(method, $"{status}", times);

    /// <summary>The next <paramref name="times"/> calls of the method are answered HTTP 200 with <c>ok: false</c> and this error.</summary>
    public void ErrorNext(string method, string error, int times = 1) => Enqueue(method, error, times);

    private void Enqueue(string method, string failure, int times)
    {
        var queue = failing.GetOrAdd(method, _ => new ConcurrentQueue<string>());
        for (var i = 0; i < times; i++)
            queue.Enqueue(failure);
    }

    /// <summary>users.info waits until the returned gate is opened: a slow turn.</summary>
    public TaskCompletionSource HoldUserInfo() => Hold("users.info");

    /// <summary>Calls of the method wait (unrecorded) until the returned gate is opened or the caller hangs up.</summary>
    public TaskCompletionSource Hold(string method) => held[method] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many calls of the method were held (<see cref="Hold"/>) so far.</summary>
    public int HeldCalls(string method) => heldCalls.GetValueOrDefault(method);

    /// <summary>Waits (at most 90 s) until the recorded calls satisfy the condition.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<(string Method, JsonObject Body)>, bool> condition, string what, TimeSpan? limitAfter = null)
    {
        using var limit = new CancellationTokenSource(limitAfter ?? WaitLimit);
        try
        {
            while (!condition(Calls))
                await changed.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Fake Slack never saw {what}. Calls: {string.Join(", ", Calls.Select(c => c.Method))}");
        }
    }

    public Task WaitForPostsAsync(int count, TimeSpan? limit = null) =>
        WaitUntilAsync(c => c.Count(x => x.Method == "chat.postMessage") >= count, $"{count} chat.postMessage", limit);

    public async Task<FakeSlackSocket> NextSocketAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await sockets.Reader.ReadAsync(timeout.Token);
    }

    private async Task<IResult> ApiAsync(string method, HttpRequest request)
    {
        var body = request.Method == "GET"
            ? new JsonObject(request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value.ToString())))
            : request.HasFormContentType
                ? new JsonObject((await request.ReadFormAsync()).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.ToString())))
                : (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
        body["authorization"] = request.Headers.Authorization.ToString();
        if (rateLimited.TryGetValue(method, out var limit) && limit.Left > 0)
        {
            rateLimited[method] = limit with { Left = limit.Left - 1 };
            Record($"{method} (429)", body);
            return new RateLimited(limit.RetryAfterSeconds);
        }
        if (failing.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
        {
            Record($"{method} ({failure})", body);
            return int.TryParse(failure, out var status) ? Results.StatusCode(status) : Results.Json(new { ok = false, error = failure });
        }
        if (held.TryGetValue(method, out var gate))
        {
            heldCalls.AddOrUpdate(method, 1, (_, n) => n + 1);
            await gate.Task.WaitAsync(request.HttpContext.RequestAborted);
        }
        Record(method, body);
        return method switch
        {
            "chat.postMessage" => Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts = $"1772442000.{calls.Count:000000}" }),
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + body["users"] } }),
            "users.info" => users.TryGetValue(body["user"]?.ToString() ?? "", out var user)
                ? Results.Json(new JsonObject { ["ok"] = true, ["user"] = user.DeepClone() })
                : Results.Json(new { ok = false, error = "user_not_found" }),
            "apps.connections.open" => Results.Json(new { ok = true, url = BaseUrl.Replace("http://", "ws://") + "/socket" }),
            "files.getUploadURLExternal" => body["filename"] is null || body["length"] is null
                ? Results.Json(new { ok = false, error = "invalid_arguments" })
                : Results.Json(new { ok = true, upload_url = $"{BaseUrl}/upload/F{calls.Count:0000}", file_id = $"F{calls.Count:0000}" }),
            "files.completeUploadExternal" => JsonNode.Parse(body["files"]?.ToString() ?? "[]")!.AsArray() is { Count: > 0 } files && files.All(f => Uploads.ContainsKey(f!["id"]!.ToString()))
                ? Results.Json(new { ok = true, files = files.Select(f => new { id = f!["id"]!.ToString(), title = f["title"]?.ToString() }) })
                : Results.Json(new { ok = false, error = "file_not_found" }),
            _ => Results.Json(new { ok = true }),
        };
    }

    private async Task<IResult> ResponseAsync(string id, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        body["response_url_id"] = id;
        Record("response_url", body);
        return Results.Ok();
    }

    private async Task<IResult> UploadAsync(string id, HttpRequest request)
    {
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes);
        Uploads[id] = bytes.ToArray();
        Record("upload_url", new JsonObject { ["file_id"] = id, ["length"] = bytes.Length });
        return Results.Text($"OK - {bytes.Length}");
    }

    private async Task SocketAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSlackSocket(socket);
        await sockets.Writer.WriteAsync(connection);
        await connection.Closed;
    }

    private void Record(string method, JsonObject body)
    {
        calls.Enqueue((method, body));
        changed.Release();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private sealed class RateLimited(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}

/// <summary>One Socket Mode connection from the bot: the test sends envelopes and reads acknowledgements.</summary>
public sealed class FakeSlackSocket(WebSocket socket)
{
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => closed.Task;

    public Task SendAsync(JsonObject envelope) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message from the bot, or null once it closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var buffer = new byte[16384];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            closed.TrySetResult();
            return null;
        }
        return JsonNode.Parse(buffer.AsSpan(0, result.Count))!.AsObject();
    }

    public void Release() => closed.TrySetResult();
}
