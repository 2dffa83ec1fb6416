using System.Net;
using System.Text.Json.Nodes;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>
/// Real Slack payloads, mutated at random (a fixed seed, so a failure repeats; <c>SALESCOACH_FUZZ_SEED</c> picks another) and validly signed:
/// every answer is 2xx or 4xx, and the host stays healthy and within its memory.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class SlackEndpointFuzzTests : IAsyncLifetime
{
    private const int Cases = 3000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SALESCOACH_FUZZ_SEED"), out var seed) ? seed : 20260302;
    private const string Alice = SlackHost.Alice;
    private const string DeepMarker = "DEEP-NESTING-MARKER";
    private const long MemoryGrowthLimit = 256L * 1024 * 1024;
    private SlackHost host = null!;
    private BotApplicationFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Error" });
        factory = host.Factory;
        client = factory.CreateClient();
    }

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task MutatedSignedPayloadsAreAnswered2xxOr4xxAndTheHostStaysHealthy()
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var failures = new List<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, _) =>
        {
            var (path, body, contentType) = Case(new Random(Seed + index));
            var response = await client.SendAsync(Signed(path, body, contentType, factory.Clock.GetUtcNow()));
            if ((int)response.StatusCode is < 200 or >= 300 and < 400 or >= 500)
                lock (failures)
                    failures.Add($"seed {Seed} case {index}: {(int)response.StatusCode} for {path} {body[..Math.Min(body.Length, 300)]}");
        });

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < MemoryGrowthLimit, $"managed memory grew by {growth / 1024 / 1024} MB");
    }

    private static (string Path, string Body, string ContentType) Case(Random random)
    {
        var mutations = random.Next(1, 4);
        switch (random.Next(4))
        {
            case 0 or 1:
                var callback = random.Next(2) == 0 ? DirectMessage("EvFuzzDm", Alice, "my deals") : AppMention("EvFuzzMention", Alice, "help");
                return ("/api/slack/events", Garble(random, Mutate(random, callback, mutations)), "application/json");
            case 2:
                var fields = SlashCommandFields(Alice, "pipeline", "https://hooks.slack.invalid/commands/1");
                fields["trigger_id"] = "13345224609.738474920.fuzz";
                for (var i = 0; i < mutations; i++)
                    MutateForm(random, fields);
                return ("/api/slack/commands", Garble(random, Form(fields)), "application/x-www-form-urlencoded");
            default:
                var actions = BlockActions(Alice, "D0ALICE", 0, "undo", "https://hooks.slack.invalid/actions/1");
                actions["trigger_id"] = "12321423423.333649436676.fuzz";
                return ("/api/slack/interactions", Garble(random, "payload=" + Uri.EscapeDataString(Mutate(random, actions, mutations))), "application/x-www-form-urlencoded");
        }
    }

    private static string Mutate(Random random, JsonObject payload, int mutations)
    {
        var nesting = 0;
        for (var i = 0; i < mutations; i++)
        {
            var objects = Objects(payload).ToList();
            var target = objects[random.Next(objects.Count)];
            if (target.Count == 0)
                continue;
            var name = target.ElementAt(random.Next(target.Count)).Key;
            switch (random.Next(4))
            {
                case 0:
                    target.Remove(name);
                    break;
                case 1:
                    var value = target[name];
                    target.Remove(name);
                    target[name + "_" + random.Next(10)] = value;
                    break;
                case 2 when random.Next(20) == 0:
                    target[name] = DeepMarker;
                    nesting = random.Next(1, 10_001);
                    break;
                default:
                    target[name] = RandomValue(random);
                    break;
            }
        }
        var json = payload.ToJsonString();
        return nesting == 0 ? json : json.Replace($"\"{DeepMarker}\"", new string('[', nesting) + new string(']', nesting));
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static JsonNode? RandomValue(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => random.Next(),
        2 => random.NextDouble() * 1e300,
        3 => random.Next(2) == 0,
        4 => new JsonArray(random.Next(), "x", null),
        5 => new JsonObject { ["id"] = random.Next() },
        6 => HugeString(random),
        _ => RandomText(random, random.Next(1, 40)),
    };

    private static void MutateForm(Random random, Dictionary<string, string> fields)
    {
        var name = fields.Keys.ElementAt(random.Next(fields.Count));
        switch (random.Next(4))
        {
            case 0:
                fields.Remove(name);
                break;
            case 1:
                fields[name + "_" + random.Next(10)] = fields[name];
                fields.Remove(name);
                break;
            case 2:
                fields[name] = HugeString(random);
                break;
            default:
                fields[name] = RandomText(random, random.Next(0, 40));
                break;
        }
    }

    /// <summary>Now and then a string near, at or past the body limit; otherwise a few kilobytes.</summary>
    private static string HugeString(Random random) => random.Next(50) == 0
        ? new string('x', SlackEndpoints.MaxBodyBytes - 2000 + random.Next(4000))
        : new string('y', random.Next(100, 8000));

    private static string RandomText(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)random.Next(1, 0x3000)));

    /// <summary>Byte-level damage to the body as sent: truncation, garbage inserted, or none.</summary>
    private static string Garble(Random random, string body) => random.Next(6) switch
    {
        0 => body[..random.Next(body.Length + 1)],
        1 => body.Insert(random.Next(body.Length + 1), RandomText(random, random.Next(1, 20))),
        2 => body.Insert(random.Next(body.Length + 1), new string("{[\",:%&=\\"[random.Next(9)], random.Next(1, 5))),
        _ => body,
    };
}
