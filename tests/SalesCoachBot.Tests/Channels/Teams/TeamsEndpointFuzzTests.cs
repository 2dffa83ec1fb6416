using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>Real Teams activity shapes, mutated at random from a fixed seed: every answer is a 2xx or a 4xx.</summary>
[Collection(FuzzCollection.Name)]
public sealed class TeamsEndpointFuzzTests : TeamsHostTest
{
    private const int Seed = 20261127;
    private const int Cases = 3000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private const string DeepPlaceholder = "\"__deep__\"";

    private static readonly string[] Texts = ["new deal Acme Corp $45,000", "my deals", "undo", "help", "move acme to initial contact", "called acme yesterday", "Confirm", "", "<at>SalesCoachBot</at>", "\u0000\u202e\ud83d\ude00"];

    [Fact]
    public async Task MutatedActivitiesAreAnsweredWith2xxOr4xxAndTheBotStaysHealthy()
    {
        var client = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders())).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, cancellationToken) =>
        {
            if (clock.Elapsed > Budget)
                return;
            Interlocked.Increment(ref run);
            var body = CaseBody(new Random(Seed + index));
            var response = await client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, cancellationToken);
            if ((int)response.StatusCode >= 500 || (int)response.StatusCode < 200)
                failures.Enqueue($"case {index}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
        });

        Assert.Empty(failures);
        Assert.True(run >= 100, $"only {run} cases ran within {Budget.TotalSeconds} s");
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
        for (var mutations = random.Next(4); mutations > 0; mutations--)
        {
            var (parent, key) = RandomProperty(random, activity);
            switch (random.Next(6))
            {
                case 0:
                    parent.Remove(key);
                    break;
                case 1:
                    parent[key] = RandomValue(random);
                    break;
                case 2:
                    parent[key] = new string(Enumerable.Range(0, random.Next(1, 4) * random.Next(1_000, 100_000)).Select(_ => (char)random.Next(32, 0x2fff)).ToArray());
                    break;
                case 3:
                    deep ??= Deep(random, random.Next(2) == 0 ? random.Next(10, 70) : random.Next(70, 5_000));
                    parent[key] = "__deep__";
                    break;
                case 4:
                    activity["serviceUrl"] = Pick(random, ["ftp://127.0.0.1/", "not a url", "https://evil.example.com/", "javascript:alert(1)", "http://", "", "https://smba.trafficmanager.net.evil.example/"]);
                    break;
                default:
                    activity["type"] = Pick(random, ["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "event", "endOfConversation", "", "MESSAGE", "\u0000"]);
                    break;
            }
        }
        var json = activity.ToJsonString();
        if (deep is not null)
            json = json.Replace(DeepPlaceholder, deep, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(json);
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

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
