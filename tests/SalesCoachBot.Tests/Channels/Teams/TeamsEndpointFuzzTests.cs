using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Conversations;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>
/// Real Teams activity shapes, mutated at random from a fixed seed (<c>SALESCOACH_FUZZ_SEED</c> picks another): every
/// answer is a 2xx or a 4xx and no turn fails. Most cases break the activity at the wire and must be refused before a
/// turn; about one in ten is left whole or damaged only where Teams' shapes allow, and runs a real turn.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class TeamsEndpointFuzzTests : TeamsHostTest
{
    private const int Cases = 3000;
    private readonly TurnErrors errors = new();
    private const string DeepPlaceholder = "\"__deep__\"";
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SALESCOACH_FUZZ_SEED"), out var seed) ? seed : 20261127;

    private static readonly string[] Texts = ["new deal Acme Corp $45,000", "my deals", "undo", "help", "move acme to initial contact", "called acme yesterday", "Confirm", "", "<at>SalesCoachBot</at>", "\u0000\u202e\ud83d\ude00"];

    [Fact]
    public async Task MutatedActivitiesAreAnsweredWith2xxOr4xxAndTheBotStaysHealthy()
    {
        await Factory.DisposeAsync();
        Factory = new BotApplicationFactory(Database.PooledConnectionString);
        var client = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders().AddProvider(errors))).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var turns = 0;
        var bodies = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, cancellationToken) =>
        {
            var body = CaseBody(new Random(Seed + index));
            var response = await client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, cancellationToken);
            if ((int)response.StatusCode >= 500 || (int)response.StatusCode < 200)
                failures.Enqueue($"seed {Seed} case {index}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref turns);
                if (IdOf(body) is { } id)
                    bodies[id] = $"seed {Seed} case {index}: {Encoding.UTF8.GetString(body)}";
            }
        });

        Assert.Empty(failures);
        Assert.InRange(turns, Cases / 20, Cases / 5);
        var failedTurns = Connector.Sent.Where(s => s.Text == HelpReplies.Apology.Text).Select(s => bodies.GetValueOrDefault(s.ReplyToId ?? "", s.ReplyToId ?? "")).ToList();
        Assert.True(failedTurns.Count == 0, $"{failedTurns.Count} turns failed:\n{string.Join("\n", failedTurns)}\n{string.Join("\n", errors.Exceptions)}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.DoesNotContain(Connector.Attempts, a => a.Status != 200);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 256L * 1024 * 1024, $"memory grew by {growth / (1024 * 1024)} MB");
    }

    private byte[] CaseBody(Random random)
    {
        if (random.Next(20) == 0)
            return Garbage(random);

        var activity = (random.Next(4) switch
        {
            0 => TeamsActivities.PersonalMessage(Connector.ServiceUrl, Pick(random, Texts)),
            1 => TeamsActivities.ChannelMention(Connector.ServiceUrl, Pick(random, Texts)),
            2 => random.Next(2) == 0 ? TeamsActivities.PersonalInstall(Connector.ServiceUrl) : TeamsActivities.TeamMemberJoined(Connector.ServiceUrl),
            _ => TeamsActivities.CardActionInvoke(Connector.ServiceUrl, Pick(random, Texts)),
        });
        string? deep = null;
        if (random.Next(10) != 0)
            deep = Break(random, activity);
        for (var mutations = random.Next(4); mutations > 0; mutations--)
        {
            var (parent, key) = RandomProperty(random, activity);
            switch (random.Next(5))
            {
                case 0:
                    parent.Remove(key);
                    break;
                case 1 or 2:
                    parent[key] = RandomValue(random);
                    break;
                case 3:
                    parent[key] = new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(32, 0x2fff)).ToArray());
                    break;
                default:
                    activity["type"] = Pick(random, ["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "event", "endOfConversation", "MESSAGE", "\u0000"]);
                    break;
            }
        }
        var json = activity.ToJsonString();
        if (deep is not null)
            json = json.Replace(DeepPlaceholder, deep, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>Damage that makes the activity one Teams would never send, so it must be refused before a turn; the nesting to put in, if any.</summary>
    private string? Break(Random random, JsonObject activity)
    {
        switch (random.Next(7))
        {
            case 0:
                activity.Remove(Pick(random, ["conversation", "from", "type", "serviceUrl"]));
                break;
            case 1:
                activity["serviceUrl"] = Pick(random, ["ftp://127.0.0.1/", "not a url", "https://evil.example.com/", "javascript:alert(1)", "http://", "", "https://smba.trafficmanager.net.evil.example/"]);
                break;
            case 2:
                activity["value"] = Pick<JsonNode?>(random, [new JsonArray(1, "a"), 42, "text", true]);
                break;
            case 3:
                activity["entities"] = new JsonArray(Pick<JsonNode?>(random, [null, 1, "mention", new JsonObject { ["type"] = "mention", ["mentioned"] = "bob", ["text"] = "<at>Bob</at>" }, new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = new JsonArray() } }]));
                break;
            case 4:
                activity["text"] = new string(Enumerable.Range(0, random.Next(10_000, 80_000)).Select(_ => (char)random.Next(0x800, 0x2fff)).ToArray());
                break;
            case 5:
                var (parent, key) = RandomProperty(random, activity);
                parent[key] = "__deep__";
                return Deep(random, random.Next(70, 5_000));
            default:
                activity[Pick(random, ["timestamp", "localTimestamp"])] = Pick(random, ["2026-13-45T99:99:99Z", "yesterday"]);
                break;
        }
        return null;
    }

    private static (JsonObject Parent, string Key) RandomProperty(Random random, JsonObject root)
    {
        var candidates = new List<(JsonObject, string)>();
        void Collect(JsonNode? node)
        {
            if (node is JsonObject o)
                foreach (var (key, value) in o.ToList())
                {
                    candidates.Add((o, key));
                    Collect(value);
                }
            else if (node is JsonArray a)
                foreach (var item in a)
                    Collect(item);
        }
        Collect(root);
        return candidates.Count == 0 ? (root, "text") : candidates[random.Next(candidates.Count)];
    }

    private static JsonNode? RandomValue(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => 0,
        2 => -1,
        3 => 1e308,
        4 => true,
        5 => "",
        6 => "garbage",
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => new JsonArray(1, "a", null, new JsonObject { ["id"] = 5 }),
        10 => new JsonObject { ["id"] = new JsonArray(), ["name"] = 3, ["x"] = new JsonObject { ["y"] = new JsonArray() } },
        _ => "2026-13-45T99:99:99Z",
    };

    private static string Deep(Random random, int depth)
    {
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    }

    private static byte[] Garbage(Random random) => random.Next(4) switch
    {
        0 => Enumerable.Range(0, random.Next(1, 2_000)).Select(_ => (byte)random.Next(256)).ToArray(),
        1 => Encoding.UTF8.GetBytes(Pick(random, ["null", "[]", "1", "\"message\"", "true", "{\"type\":null}", "{\"type\":\"message\"}", "[{\"type\":\"message\"}]"])),
        2 => [],
        _ => Encoding.UTF8.GetBytes(TeamsActivities.PersonalMessage("http://127.0.0.1/", "my deals").ToJsonString()[..random.Next(1, 200)]),
    };

    private static string? IdOf(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The exceptions behind failed turns, to name in a failure.</summary>
    private sealed class TurnErrors : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Exceptions { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Exceptions);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> exceptions) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null)
                    exceptions.Enqueue(exception.ToString()[..Math.Min(exception.ToString().Length, 1500)]);
            }
        }
    }
}
