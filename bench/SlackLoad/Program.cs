using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Slack direct messages (message.im events, signed as Slack signs them) from many users against SalesCoachBot,
// whose replies go to a fake Slack Web API on 127.0.0.1 that this process runs: every chat.postMessage (and
// users.info) takes a few seconds, and a post to a channel sooner than Slack's ~1 message/s per channel gets a
// 429 with Retry-After. Reports the acknowledgement latency, the time until every message is answered, whether
// each conversation's replies came in the order of its messages, the 429s and the most posts in flight.
//   dotnet SlackLoad.dll --bot SalesCoachBot.dll [--users 100] [--messages 3] [--post-delay-ms 3000] [--info-delay-ms 3000]
//       [--channel-gap-ms 1000] [--spread-ms 0] [--workers N] [--target-seconds 20] [--repetitions 1]
//   dotnet SlackLoad.dll --url http://127.0.0.1:3978/ --slack-port 5099 …   (a bot already running with
//       Slack:ApiBaseUrl http://127.0.0.1:5099/api/ and Slack:SigningSecret as --signing-secret)
var options = Options.Parse(args);
var folder = Directory.CreateTempSubdirectory("salescoach-slack-bench-").FullName;
Bot? bot = null;
var failed = false;
try
{
    await using var slack = await FakeSlack.StartAsync(options);
    if (options.Url is { } url)
        bot = Bot.Running(url);
    else
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__SalesCoach"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Slack__SigningSecret"] = options.SigningSecret,
            ["Slack__BotToken"] = "xoxb-17653672481-19874698323-benchbenchbenchbench",
            ["Slack__ApiBaseUrl"] = slack.ApiUrl,
        };
        if (options.Workers is { } workers)
            settings["Slack__Workers"] = workers.ToString(CultureInfo.InvariantCulture);
        bot = await Bot.StartAsync(options.Bot!, settings, folder);
    }
    Console.WriteLine($"fake Slack Web API on {slack.ApiUrl}: chat.postMessage {options.PostDelay.TotalMilliseconds:0} ms, users.info {options.InfoDelay.TotalMilliseconds:0} ms, " +
                      $"429 below {options.ChannelGap.TotalMilliseconds:0} ms between posts to a channel; bot at {bot.BaseAddress}" +
                      (options.Workers is { } w ? $" with Slack:Workers {w}" : " with its default Slack:Workers"));

    var load = new Load(options, bot, slack);
    // One conversation first, with Slack fast: the bot's first turn loads its understanding model.
    slack.Slow = false;
    await load.WarmUpAsync();
    slack.Slow = true;

    var results = new List<RunResult>();
    for (var repetition = 0; repetition < options.Repetitions; repetition++)
    {
        var result = await load.RunAsync(repetition);
        results.Add(result);
        result.Print(options);
        failed |= !result.Passed(options);
    }
    Report.Print(options, results);
}
finally
{
    if (bot is not null)
        await bot.StopAsync();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
return failed ? 1 : 0;

internal sealed record Options(string? Bot, Uri? Url, int SlackPort, string SigningSecret, int Users, int Messages, TimeSpan PostDelay, TimeSpan InfoDelay,
    TimeSpan ChannelGap, TimeSpan Spread, int? Workers, TimeSpan Target, TimeSpan AckTarget, int Repetitions)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        int Number(string name, int fallback) => int.Parse(Value(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        TimeSpan Ms(string name, int fallback) => TimeSpan.FromMilliseconds(Number(name, fallback));
        var bot = Value("--bot") is { } b ? Path.GetFullPath(b) : null;
        var url = Value("--url") is { } u ? new Uri(u.TrimEnd('/') + "/") : null;
        if (bot is null && url is null)
            throw new ArgumentException("--bot SalesCoachBot.dll or --url of a running bot is required");
        var postDelay = Number("--post-delay-ms", 3000);
        return new(bot, url, Number("--slack-port", 0), Value("--signing-secret", "bench-signing-secret-0123456789abcdef")!, Number("--users", 100),
            Number("--messages", 3), TimeSpan.FromMilliseconds(postDelay), Ms("--info-delay-ms", postDelay), Ms("--channel-gap-ms", 1000),
            Ms("--spread-ms", 0), Value("--workers") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : null,
            TimeSpan.FromSeconds(Number("--target-seconds", 20)), Ms("--ack-target-ms", 50), Number("--repetitions", 1));
    }
}

/// <summary>SalesCoachBot as its own process (dotnet SalesCoachBot.dll --urls …), or one already running.</summary>
internal sealed class Bot
{
    private readonly BenchProcess? process;

    private Bot(BenchProcess? process, Uri baseAddress) => (this.process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public static Bot Running(Uri url) => new(null, url);

    public static async Task<Bot> StartAsync(string dll, Dictionary<string, string> settings, string logFolder)
    {
        var process = await BenchProcess.StartAsync("SalesCoachBot", dll, settings, logFolder);
        return new Bot(process, process.BaseAddress);
    }

    public Task StopAsync() => process?.StopAsync() ?? Task.CompletedTask;
}

/// <summary>One chat.postMessage the fake Slack took: which message it answers, when it came and when it was answered.</summary>
internal sealed record Post(string Channel, string? ThreadTs, long Arrived, long Answered);

/// <summary>
/// The Web API methods the bot calls, with Slack's response shapes. chat.postMessage and users.info take their
/// configured time; a post to a channel less than the channel gap after the last one it took is refused as Slack
/// does (HTTP 429, Retry-After in whole seconds, <c>{"ok":false,"error":"ratelimited"}</c>).
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Options options;
    private readonly ConcurrentDictionary<string, ChannelState> channels = new();
    private readonly ConcurrentQueue<Post> posts = new();
    private readonly SemaphoreSlim posted = new(0);
    private int inFlight, peakInFlight, rateLimited, early;

    private FakeSlack(WebApplication app, Options options) => (this.app, this.options) = (app, options);

    public string ApiUrl { get; private set; } = "";
    public volatile bool Slow = true;
    public int PeakInFlight => Volatile.Read(ref peakInFlight);
    public int RateLimited => Volatile.Read(ref rateLimited);

    /// <summary>Posts that came to a channel before the Retry-After it was given had passed.</summary>
    public int EarlyRetries => Volatile.Read(ref early);

    public static async Task<FakeSlack> StartAsync(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.SlackPort}");
        builder.Logging.ClearProviders();
        var fake = new FakeSlack(builder.Build(), options);
        fake.app.MapPost("/api/chat.postMessage", fake.PostMessageAsync);
        fake.app.MapGet("/api/users.info", fake.UserInfoAsync);
        fake.app.MapPost("/api/{method}", (string method) => Results.Json(new { ok = true }));
        await fake.app.StartAsync();
        fake.ApiUrl = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/api/";
        return fake;
    }

    public void ResetCounters()
    {
        (inFlight, peakInFlight, rateLimited, early) = (0, 0, 0, 0);
        posts.Clear();
    }

    public IReadOnlyList<Post> Posts => [.. posts];

    /// <summary>Waits until the posts taken satisfy <paramref name="done"/> or the time is up; false if the time ran out.</summary>
    public async Task<bool> WaitForPostsAsync(Func<IReadOnlyList<Post>, bool> done, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!done(Posts))
        {
            var left = limit - watch.Elapsed;
            if (left <= TimeSpan.Zero)
                return false;
            await posted.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
        return true;
    }

    private async Task<IResult> PostMessageAsync(HttpRequest request)
    {
        var arrived = Stopwatch.GetTimestamp();
        var body = (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
        var channel = body["channel"]?.GetValue<string>() ?? "";
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer xoxb-", StringComparison.Ordinal))
            return Results.Json(new { ok = false, error = "not_authed" });
        var state = channels.GetOrAdd(channel, _ => new ChannelState());
        int? retryAfter = null;
        lock (state)
        {
            if (state.RetryAllowedAt is { } allowed && arrived < allowed)
                Interlocked.Increment(ref early);
            if (state.LastTaken is { } last && options.ChannelGap > TimeSpan.Zero && Stopwatch.GetElapsedTime(last, arrived) < options.ChannelGap)
            {
                var wait = options.ChannelGap - Stopwatch.GetElapsedTime(last, arrived);
                retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                state.RetryAllowedAt = arrived + (long)(retryAfter.Value * Stopwatch.Frequency);
            }
            else
            {
                state.LastTaken = arrived;
                state.RetryAllowedAt = null;
            }
        }
        if (retryAfter is { } seconds)
        {
            Interlocked.Increment(ref rateLimited);
            return new RateLimitedResult(seconds);
        }
        var now = Interlocked.Increment(ref inFlight);
        for (var peak = Volatile.Read(ref peakInFlight); now > peak && Interlocked.CompareExchange(ref peakInFlight, now, peak) != peak; peak = Volatile.Read(ref peakInFlight))
        {
        }
        try
        {
            if (Slow)
                await Task.Delay(options.PostDelay);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
        var ts = $"{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref state.Sequence):D6}";
        posts.Enqueue(new Post(channel, body["thread_ts"]?.GetValue<string>(), arrived, Stopwatch.GetTimestamp()));
        posted.Release();
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["subtype"] = "bot_message",
                ["text"] = body["text"]?.DeepClone(),
                ["blocks"] = body["blocks"]?.DeepClone(),
                ["ts"] = ts,
                ["thread_ts"] = body["thread_ts"]?.DeepClone(),
                ["username"] = "SalesCoachBot",
                ["bot_id"] = "B0BENCH",
                ["app_id"] = "A0SALESCOACH",
            },
        });
    }

    private async Task<IResult> UserInfoAsync(string user)
    {
        if (Slow)
            await Task.Delay(options.InfoDelay);
        var n = user.StartsWith("U0BENCH", StringComparison.Ordinal) ? user["U0BENCH".Length..] : user;
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user,
                ["team_id"] = Load.TeamId,
                ["name"] = $"rep{n}",
                ["deleted"] = false,
                ["real_name"] = $"Rep {n}",
                ["tz"] = "Europe/Berlin",
                ["tz_label"] = "Central European Time",
                ["tz_offset"] = 3600,
                ["profile"] = new JsonObject { ["real_name"] = $"Rep {n}", ["display_name"] = $"rep{n}", ["email"] = $"rep{n}@example.com" },
                ["is_admin"] = false,
                ["is_bot"] = false,
                ["is_app_user"] = false,
            },
        });
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private sealed class ChannelState
    {
        public long? LastTaken;
        public long? RetryAllowedAt;
        public long Sequence;
    }

    private sealed class RateLimitedResult(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
        }
    }
}

internal sealed record RunResult(int Repetition, int Sent, int AckErrors, double[] AckMs, TimeSpan? AllAnswered, TimeSpan Waited, int Answered,
    int OutOfOrder, int RateLimited, int EarlyRetries, int PeakInFlight, double[] AnswerMs, string LoadBefore, string LoadAfter)
{
    public double AckP50 => Report.Percentile(AckMs, 0.50);
    public double AckP99 => Report.Percentile(AckMs, 0.99);

    public bool Passed(Options options) =>
        AllAnswered is { } all && all <= options.Target && OutOfOrder == 0 && AckErrors == 0 && EarlyRetries == 0 && AckP99 <= options.AckTarget.TotalMilliseconds;

    public void Print(Options options) =>
        Console.WriteLine($"  run {Repetition + 1}: {Answered}/{Sent} answered " +
                          (AllAnswered is { } all ? $"in {all.TotalSeconds:0.0} s" : $"(not all within {Waited.TotalSeconds:0} s)") +
                          $"; ack p50 {AckP50:0.0} ms p99 {AckP99:0.0} ms max {AckMs.DefaultIfEmpty().Max():0.0} ms ({AckErrors} failed)" +
                          $"; message → answer p50 {Report.Percentile(AnswerMs, 0.5) / 1000:0.0} s max {AnswerMs.DefaultIfEmpty().Max() / 1000:0.0} s" +
                          $"; {OutOfOrder} out of order; {RateLimited} × 429 ({EarlyRetries} retried before Retry-After); peak {PeakInFlight} posts in flight" +
                          $"; load {LoadBefore} → {LoadAfter}; {(Passed(options) ? "PASS" : "FAIL")}");
}

/// <summary>message.im events from <c>users</c> reps, each in their own DM channel, each rep's messages sent in order.</summary>
internal sealed class Load(Options options, Bot bot, FakeSlack slack)
{
    public const string TeamId = "T0BENCH";
    private const string BotUserId = "U0SALESCOACH";

    // What reps write: a new deal, their deals, help.
    private static readonly string[] Texts = ["new deal Acme {0} 5k", "my deals", "help", "my numbers", "show deal Acme {0}"];

    private readonly HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long events;

    public async Task WarmUpAsync()
    {
        // This process's own first burst (its JIT, its thread pool) goes to the fake Slack, not the bot: the bot's first burst measures the bot.
        var sink = new Uri(slack.ApiUrl + "bench.warmup");
        await Task.WhenAll(Enumerable.Range(0, options.Users).Select(u => Task.Run(async () =>
        {
            for (var m = 0; m < options.Messages; m++)
                await SendAsync($"U0SINK{u:D4}", $"D0SINK{u:D4}", Texts[m % Texts.Length], $"warm-{m}", sink);
        })));
        slack.ResetCounters();
        var user = "U0WARMUP";
        for (var m = 0; m < 2; m++)
            if (await SendAsync(user, "D0WARMUP", Texts[m].Replace("{0}", "Warm-up", StringComparison.Ordinal), $"warm-{m}") is null)
                throw new InvalidOperationException("the bot did not acknowledge the warm-up message");
        if (!await slack.WaitForPostsAsync(p => p.Count >= 2, TimeSpan.FromMinutes(2)))
            throw new TimeoutException("the bot did not answer the warm-up messages within two minutes");
    }

    public async Task<RunResult> RunAsync(int repetition)
    {
        slack.ResetCounters();
        var loadBefore = LoadAverage();
        var sent = new ConcurrentDictionary<string, long>(); // thread_ts → when the message was sent
        var acks = new ConcurrentBag<double>();
        var ackErrors = 0;
        // Slack builds and signs its requests on its own machines: here that is done before the run (before a rep starts,
        // when reps start over a spread, since a signature is good for 5 minutes), so the burst shares the cores with the
        // bot, not with the making of the load.
        SignedEvent[] Rep(int u) => [.. Enumerable.Range(0, options.Messages).Select(m =>
            Signed(User(repetition, u), Channel(repetition, u), string.Format(CultureInfo.InvariantCulture, Texts[m % Texts.Length], $"{u}r{repetition}"), $"{repetition}-{u}-{m}"))];
        var burst = options.Spread > TimeSpan.Zero ? null : Enumerable.Range(0, options.Users).Select(Rep).ToArray();
        var started = Stopwatch.GetTimestamp();
        var users = Enumerable.Range(0, options.Users).Select(u => Task.Run(async () =>
        {
            if (options.Spread > TimeSpan.Zero)
                await Task.Delay(options.Spread * u / options.Users);
            var signed = burst?[u] ?? Rep(u);
            for (var m = 0; m < options.Messages; m++)
            {
                var tag = $"{repetition}-{u}-{m}";
                sent[Ts(tag)] = Stopwatch.GetTimestamp();
                var ack = await PostAsync(signed[m]);
                if (ack is { } ms)
                    acks.Add(ms);
                else
                    Interlocked.Increment(ref ackErrors);
            }
        })).ToArray();
        await Task.WhenAll(users);
        var total = options.Users * options.Messages;
        var limit = options.Target * 3 + TimeSpan.FromSeconds(30);
        var all = await slack.WaitForPostsAsync(p => p.Count >= total, limit);
        var posts = slack.Posts;
        var loadAfter = LoadAverage();

        // Each answer is posted in the thread of the message it answers: per conversation the threads must come in the order sent.
        var outOfOrder = 0;
        foreach (var conversation in posts.GroupBy(p => p.Channel))
        {
            var order = conversation.OrderBy(p => p.Arrived).Select(p => p.ThreadTs is { } ts && ts.Split('.') is [_, var n] ? int.Parse(n[^2..], CultureInfo.InvariantCulture) : -1).ToList();
            outOfOrder += order.Zip(order.Skip(1)).Count(pair => pair.Second <= pair.First);
        }
        var answered = posts.Where(p => p.ThreadTs is not null && sent.ContainsKey(p.ThreadTs)).ToList();
        var answerMs = answered.Select(p => Stopwatch.GetElapsedTime(sent[p.ThreadTs!], p.Answered).TotalMilliseconds).Order().ToArray();
        TimeSpan? allAnswered = all && answered.Count >= total ? Stopwatch.GetElapsedTime(started, answered.Max(p => p.Answered)) : null;
        return new RunResult(repetition, total, ackErrors, [.. acks.Order()], allAnswered, limit, answered.Count, outOfOrder, slack.RateLimited,
            slack.EarlyRetries, slack.PeakInFlight, answerMs, loadBefore, loadAfter);
    }

    // New reps and conversations each run: none of them is known to the bot yet (users.info is called for each).
    private static string User(int repetition, int u) => $"U0BENCH{repetition:D2}{u:D4}";
    private static string Channel(int repetition, int u) => $"D0BENCH{repetition:D2}{u:D4}";

    // A message's ts: the event time, with the message's number in its conversation as the last two digits.
    private static string Ts(string tag)
    {
        var parts = tag.Split('-');
        return $"1772442{parts[0].PadLeft(3, '0')}.{int.Parse(parts[1], CultureInfo.InvariantCulture):D4}{int.Parse(parts[2], CultureInfo.InvariantCulture):D2}";
    }

    /// <summary>Sends one signed event; the acknowledgement's latency in ms, or null if it was not 200.</summary>
    private Task<double?> SendAsync(string user, string channel, string text, string tag, Uri? to = null) => PostAsync(Signed(user, channel, text, tag), to);

    /// <summary>One event callback as Slack sends it: the body, its timestamp header and its signature.</summary>
    private sealed record SignedEvent(byte[] Body, string Timestamp, string Signature);

    private SignedEvent Signed(string user, string channel, string text, string tag)
    {
        var ts = tag.StartsWith("warm", StringComparison.Ordinal) ? $"1772441000.0000{tag[^1]}0" : Ts(tag);
        var eventId = $"Ev0BENCH{Interlocked.Increment(ref events):D8}{Guid.NewGuid():N}"[..24];
        var payload = new JsonObject
        {
            ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
            ["team_id"] = TeamId,
            ["context_team_id"] = TeamId,
            ["api_app_id"] = "A0SALESCOACH",
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel"] = channel,
                ["user"] = user,
                ["text"] = text,
                ["ts"] = ts,
                // A message in its own thread: the answer names, by thread_ts, the message it answers.
                ["thread_ts"] = ts,
                ["event_ts"] = ts,
                ["channel_type"] = "im",
                ["team"] = TeamId,
                ["client_msg_id"] = Guid.NewGuid().ToString(),
                ["blocks"] = new JsonArray(new JsonObject
                {
                    ["type"] = "rich_text",
                    ["block_id"] = "bench",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "rich_text_section",
                        ["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                    }),
                }),
            },
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
            ["event_context"] = $"4-bench-{eventId}",
        };
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SignedEvent(body, timestamp, Sign(options.SigningSecret, timestamp, body));
    }

    private async Task<double?> PostAsync(SignedEvent signed, Uri? to = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, to ?? new Uri(bot.BaseAddress, "api/slack/events")) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Slack-Signature", signed.Signature);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return response.StatusCode == HttpStatusCode.OK ? ms : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Slack's v0 signature: HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> with the signing secret.</summary>
    private static string Sign(string secret, string timestamp, byte[] body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body]));

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

internal static class Report
{
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * p) - 1, 0, sorted.Length - 1)];

    public static void Print(Options options, List<RunResult> results)
    {
        string Range(IEnumerable<double> values, string format)
        {
            var v = values.Where(x => !double.IsNaN(x)).ToArray();
            return v.Length == 0 ? "–" : v.Min() == v.Max() ? v[0].ToString(format, CultureInfo.InvariantCulture)
                : $"{v.Min().ToString(format, CultureInfo.InvariantCulture)}–{v.Max().ToString(format, CultureInfo.InvariantCulture)}";
        }
        Console.WriteLine();
        Console.WriteLine($"{BenchMachine.Description()}; load average {string.Join(", ", results.Select(r => r.LoadAfter))}");
        Console.WriteLine($"load: {options.Users} users × {options.Messages} message.im events, each user's sent in order (next after the ack), " +
                          (options.Spread > TimeSpan.Zero ? $"users starting over {options.Spread.TotalSeconds:0.#} s" : "all users at once") +
                          $"; chat.postMessage {options.PostDelay.TotalSeconds:0.#} s, users.info {options.InfoDelay.TotalSeconds:0.#} s, 429 + Retry-After below " +
                          $"{options.ChannelGap.TotalSeconds:0.#} s between posts to a channel; {results.Count} run(s), ranges over the runs");
        Console.WriteLine();
        Console.WriteLine("| | measured | goal |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| all {options.Users * options.Messages} answered after (s) | {Range(results.Select(r => r.AllAnswered?.TotalSeconds ?? double.NaN), "0.0")}" +
                          $"{(results.Any(r => r.AllAnswered is null) ? " (some runs not all answered)" : "")} | ≤ {options.Target.TotalSeconds:0} |");
        Console.WriteLine($"| ack p50 / p99 (ms) | {Range(results.Select(r => r.AckP50), "0.0")} / {Range(results.Select(r => r.AckP99), "0.0")} | p99 ≤ {options.AckTarget.TotalMilliseconds:0} |");
        Console.WriteLine($"| message → answer p50 / max (s) | {Range(results.Select(r => Percentile(r.AnswerMs, 0.5) / 1000), "0.0")} / {Range(results.Select(r => r.AnswerMs.DefaultIfEmpty().Max() / 1000), "0.0")} | |");
        Console.WriteLine($"| replies out of order | {Range(results.Select(r => (double)r.OutOfOrder), "0")} | 0 |");
        Console.WriteLine($"| 429s (posts before Retry-After) | {Range(results.Select(r => (double)r.RateLimited), "0")} ({Range(results.Select(r => (double)r.EarlyRetries), "0")}) | (0) |");
        Console.WriteLine($"| peak chat.postMessage in flight | {Range(results.Select(r => (double)r.PeakInFlight), "0")} | |");
    }
}
