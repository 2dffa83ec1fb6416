using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A soak: thousands of Teams and Slack turns, interleaved, against one SalesCoachBot process, answered through a fake
// Bot Connector and a fake Slack Web API on 127.0.0.1. Samples the bot's resident memory (VmRSS) and open sockets as
// the turns go and again after a quiet spell: a leak shows as memory or sockets that keep climbing and do not come back.
//   dotnet Soak.dll --bot SalesCoachBot.dll [--turns 3000] [--users 50] [--concurrency 8] [--samples 10] [--quiet-seconds 15]
var options = Options.Parse(args);
var folder = Directory.CreateTempSubdirectory("salescoach-soak-").FullName;
await using var fakes = await Fakes.StartAsync(options.Users);
var bot = await BenchProcess.StartAsync("SalesCoachBot", options.Bot, new Dictionary<string, string>
{
    ["ConnectionStrings__SalesCoach"] = $"Data Source={Path.Combine(folder, "soak.db")}",
    ["Teams__AllowedServiceUrlHosts__0"] = "127.0.0.1",
    ["Slack__SigningSecret"] = Fakes.SigningSecret,
    ["Slack__BotToken"] = "xoxb-17653672481-19874698323-soaksoaksoaksoaksoak",
    ["Slack__ApiBaseUrl"] = fakes.Url + "/api/",
}, folder);
try
{
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    string[] messages = ["my deals", "help", "my numbers", "new deal Soak {0} $1,200", "show soak {0}", "what's stalled?"];
    long failed = 0;
    async Task TurnAsync(int n)
    {
        var (user, text) = (n % options.Users, string.Format(CultureInfo.InvariantCulture, messages[n / 2 % messages.Length], n));
        using var request = n % 2 == 0 ? Fakes.TeamsMessage(bot.BaseAddress, fakes.Url + "/", user, text, n) : Fakes.SlackMessage(bot.BaseAddress, user, text, n);
        try
        {
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                Interlocked.Increment(ref failed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref failed);
        }
    }

    // One turn of each first: the first loads the understanding model, which is not what a soak measures.
    await TurnAsync(0);
    await TurnAsync(1);
    await fakes.WaitForRepliesAsync(2, TimeSpan.FromMinutes(2));
    var samples = new List<(string When, long Turns, double RssMiB, int Sockets)> { ("after warm-up", 2, RssMiB(bot.ProcessId), Sockets(bot.ProcessId)) };
    var started = TimeProvider.System.GetUtcNow();
    var perSample = options.Turns / options.Samples;
    for (var sample = 0; sample < options.Samples; sample++)
    {
        var next = 2 + sample * perSample;
        await Parallel.ForAsync(next, next + perSample, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (n, _) => await TurnAsync(n));
        samples.Add(($"{sample + 1}/{options.Samples}", next + perSample, RssMiB(bot.ProcessId), Sockets(bot.ProcessId)));
    }
    var sent = 2 + options.Samples * perSample;
    var elapsed = TimeProvider.System.GetUtcNow() - started;
    var answered = await fakes.WaitForRepliesAsync(sent, TimeSpan.FromMinutes(2));
    await Task.Delay(TimeSpan.FromSeconds(options.QuietSeconds));
    samples.Add(($"{options.QuietSeconds} s quiet", sent, RssMiB(bot.ProcessId), Sockets(bot.ProcessId)));

    Console.WriteLine($"{sent} turns (Teams and Slack alternating, {options.Users} users each, {options.Concurrency} at a time) in {elapsed.TotalSeconds:0} s; " +
                      $"{answered} answered, {failed} failed requests");
    Console.WriteLine("| sample | turns | RSS MiB | sockets |\n|---|---|---|---|");
    foreach (var (when, turns, rss, sockets) in samples)
        Console.WriteLine($"| {when} | {turns} | {rss:0} | {sockets} |");
    Console.WriteLine(BenchMachine.Description());
}
finally
{
    await bot.StopAsync();
    try { Directory.Delete(folder, recursive: true); }
    catch (IOException) { }
}

static double RssMiB(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();

static int Sockets(int pid) =>
    Directory.EnumerateFiles($"/proc/{pid}/fd").Count(fd => new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);

internal sealed record Options(string Bot, int Turns, int Users, int Concurrency, int Samples, int QuietSeconds)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new(Value("--bot") ?? throw new ArgumentException("--bot SalesCoachBot.dll is required"), Number("--turns", 3000), Number("--users", 50),
            Number("--concurrency", 8), Number("--samples", 10), Number("--quiet-seconds", 15));
    }
}

/// <summary>The Bot Connector's and Slack's Web API calls the bot makes, on one local server; counts the replies.</summary>
internal sealed class Fakes : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string TeamId = "T0SOAK";
    private readonly WebApplication app;
    private long replies;

    private Fakes(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public static async Task<Fakes> StartAsync(int users)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fakes = new Fakes(builder.Build());
        fakes.app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Json(new { id = $"reply-{Interlocked.Increment(ref fakes.replies)}" });
        });
        fakes.app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) =>
            Results.Json(new { id = userId, name = userId, email = $"{userId[3..]}@example.com", userPrincipalName = $"{userId[3..]}@example.com", tenantId = TenantId }));
        fakes.app.MapGet("/api/users.info", (string user) => Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user, ["team_id"] = TeamId, ["name"] = user, ["real_name"] = user, ["tz"] = "Europe/Berlin", ["is_bot"] = false,
                ["profile"] = new JsonObject { ["real_name"] = user, ["email"] = $"{user.ToLowerInvariant()}@example.com" },
            },
        }));
        fakes.app.MapPost("/api/chat.postMessage", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref fakes.replies);
            return Results.Json(new { ok = true, channel = "D0SOAK", ts = $"{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.000100" });
        });
        fakes.app.MapPost("/api/{method}", () => Results.Json(new { ok = true }));
        await fakes.app.StartAsync();
        fakes.Url = fakes.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fakes;
    }

    /// <summary>Waits until <paramref name="count"/> replies arrived, or the time is up; the number that did.</summary>
    public async Task<long> WaitForRepliesAsync(long count, TimeSpan limit)
    {
        var until = TimeProvider.System.GetUtcNow() + limit;
        while (Interlocked.Read(ref replies) < count && TimeProvider.System.GetUtcNow() < until)
            await Task.Delay(100);
        return Interlocked.Read(ref replies);
    }

    // The same rep in both channels (rep{n}@example.com), so the soak also joins accounts across channels.
    public static HttpRequestMessage TeamsMessage(Uri bot, string serviceUrl, int user, string text, int n) => Json(new Uri(bot, "api/messages"), new JsonObject
    {
        ["text"] = text, ["type"] = "message", ["id"] = $"soak-{n}", ["channelId"] = "msteams", ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2026-03-02T09:00:00.1234567Z",
        ["from"] = new JsonObject { ["id"] = $"29:rep{user}", ["name"] = $"Rep {user}", ["aadObjectId"] = $"00000000-0000-0000-0000-{user:D12}" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = $"a:soak-{user}" },
        ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-000000000000", ["name"] = "SalesCoachBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    }.ToJsonString(), []);

    public static HttpRequestMessage SlackMessage(Uri bot, int user, string text, int n)
    {
        var ts = $"1772441000.{n:D6}";
        var body = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = TeamId, ["api_app_id"] = "A0SALESCOACH", ["event_id"] = $"Ev0SOAK{n:D10}",
            ["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel"] = $"D0SOAK{user}", ["user"] = $"REP{user}", ["text"] = text, ["ts"] = ts, ["event_ts"] = ts, ["channel_type"] = "im", ["team"] = TeamId,
            },
        }.ToJsonString();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        return Json(new Uri(bot, "api/slack/events"), body, [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", signature)]);
    }

    private static HttpRequestMessage Json(Uri to, string body, (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, to) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return request;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
