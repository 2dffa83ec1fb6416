using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// HubSpot's CRM v3 API on 127.0.0.1 as published: owners and pipelines (paged), deals (list with paging.next.after,
/// search on hs_lastmodifieddate with 200 a page, get, patch, batch upsert by a unique property), activities with
/// HUBSPOT_DEFINED associations, bearer tokens (401), rate-limit headers and 429s, 5xx and lost answers on demand.
/// </summary>
public sealed class FakeHubSpot : IAsyncDisposable
{
    public const string Token = "pat-test-token";
    public const int RateLimitMax = 190;
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly List<JsonObject> owners = [];
    private readonly Dictionary<string, Deal> deals = [];
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> failures = new();
    private readonly ConcurrentDictionary<string, string> missingScopes = new();
    private long nextId = 18_000_000_000; // ids beyond 2^31, as HubSpot's are
    private int remaining = RateLimitMax;

    private FakeHubSpot(WebApplication app, TimeProvider time) => (this.app, this.time) = (app, time);

    public string BaseUrl { get; private set; } = "";
    public bool SalesCoachIdDefined { get; private set; }
    public List<(string Type, JsonObject Body)> Activities { get; } = [];

    /// <summary>Every request as "METHOD /path" (no query), in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public static readonly string[] DefaultStages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];

    public static async Task<FakeHubSpot> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeHubSpot(builder.Build(), time ?? TimeProvider.System);
        fake.app.Use(fake.CheckAsync);
        fake.app.MapGet("/crm/v3/owners", fake.Owners);
        fake.app.MapGet("/crm/v3/pipelines/deals", Pipelines);
        fake.app.MapGet("/crm/v3/properties/deals/{name}", (string name) => name == "salescoach_id" && fake.SalesCoachIdDefined
            ? Results.Json(new { name, hasUniqueValue = true }) : Error(404, $"Property {name} does not exist"));
        fake.app.MapPost("/crm/v3/properties/deals", fake.DefinePropertyAsync);
        fake.app.MapGet("/crm/v3/objects/deals", fake.ListDeals);
        fake.app.MapPost("/crm/v3/objects/deals/search", fake.SearchAsync);
        fake.app.MapPost("/crm/v3/objects/deals/batch/upsert", fake.UpsertAsync);
        fake.app.MapGet("/crm/v3/objects/deals/{id}", fake.GetDeal);
        fake.app.MapMethods("/crm/v3/objects/deals/{id}", ["PATCH"], fake.PatchAsync);
        fake.app.MapPost("/crm/v3/objects/{type}", fake.CreateActivityAsync);
        await fake.app.StartAsync();
        fake.BaseUrl = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public void AddOwner(string id, string email, string first, string last) =>
        owners.Add(new JsonObject { ["id"] = id, ["email"] = email, ["firstName"] = first, ["lastName"] = last, ["userId"] = int.Parse(id, CultureInfo.InvariantCulture) + 1 });

    /// <summary>A deal as if made in HubSpot; returns its id.</summary>
    public string AddDeal(Dictionary<string, string?> properties)
    {
        lock (gate)
        {
            var id = (nextId++).ToString(CultureInfo.InvariantCulture);
            var deal = new Deal(id, time.GetUtcNow());
            deal.Properties["pipeline"] = "default";
            Set(deal, properties);
            deals[id] = deal;
            return id;
        }
    }

    /// <summary>A change made in HubSpot by someone there.</summary>
    public void ChangeDeal(string id, Dictionary<string, string?> properties)
    {
        lock (gate)
            Set(deals[id], properties);
    }

    public void DeleteDeal(string id)
    {
        lock (gate)
            (deals[id].Archived, deals[id].ArchivedAt) = (true, time.GetUtcNow());
    }

    public IReadOnlyList<(string Id, IReadOnlyDictionary<string, string?> Properties)> Deals()
    {
        lock (gate)
            return [.. deals.Values.Where(d => !d.Archived).Select(d => (d.Id, (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>(d.Properties)))];
    }

    /// <summary>The next <paramref name="times"/> requests matching "METHOD /path" answer 429, with Retry-After if given, else with the rate-limit headers only.</summary>
    public void RateLimitNext(string request, int times, int? retryAfterSeconds = null) => Enqueue(request, times, new Failure(429, retryAfterSeconds, Lose: false));

    /// <summary>Requests matching "METHOD /path" answer 403 MISSING_SCOPES, as for a private app not granted <paramref name="scope"/>, until <see cref="Grant"/>.</summary>
    public void WithoutScope(string request, string scope) => missingScopes[request] = scope;

    public void Grant(string request) => missingScopes.TryRemove(request, out _);

    public void FailNext(string request, int status, int times = 1) => Enqueue(request, times, new Failure(status, null, Lose: false));

    /// <summary>The next matching request is carried out, but its answer is lost (HTTP 502 instead).</summary>
    public void LoseAnswerNext(string request) => Enqueue(request, 1, new Failure(502, null, Lose: true));

    /// <summary>Requests matching "METHOD /path" wait, unanswered, until the returned gate is opened.</summary>
    public TaskCompletionSource Hold(string request) => held[request] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new();

    private void Enqueue(string request, int times, Failure failure)
    {
        var queue = failures.GetOrAdd(request, _ => new ConcurrentQueue<Failure>());
        for (var i = 0; i < times; i++)
            queue.Enqueue(failure);
    }

    private async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        requests.Enqueue(request);
        var left = Interlocked.Decrement(ref remaining);
        context.Response.Headers["X-HubSpot-RateLimit-Max"] = RateLimitMax.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = Math.Max(0, left).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            await Error(401, "Authentication credentials not found. This API supports OAuth 2.0 authentication").ExecuteAsync(context);
            return;
        }
        if (missingScopes.FirstOrDefault(m => request.StartsWith(m.Key, StringComparison.Ordinal)) is { Value: { } scope })
        {
            await Results.Json(new JsonObject
            {
                ["status"] = "error",
                ["message"] = "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["message"] = "One or more of the following scopes are required.",
                    ["context"] = new JsonObject { ["requiredGranularScopes"] = new JsonArray(scope) },
                }),
                ["links"] = new JsonObject { ["scopes"] = "https://developers.hubspot.com/scopes" },
                ["category"] = "MISSING_SCOPES",
            }, statusCode: 403).ExecuteAsync(context);
            return;
        }
        if (held.FirstOrDefault(h => request.StartsWith(h.Key, StringComparison.Ordinal)) is { Value: { } gate })
            await gate.Task.WaitAsync(context.RequestAborted);
        var key = failures.Keys.FirstOrDefault(k => request.StartsWith(k, StringComparison.Ordinal));
        if (key is not null && failures[key].TryDequeue(out var failure))
        {
            if (failure.Lose)
            {
                var body = context.Response.Body;
                context.Response.Body = new MemoryStream();
                await next(context); // carried out; its answer never arrives
                context.Response.Body = body;
                context.Response.Clear();
                await Error(502, "Bad gateway").ExecuteAsync(context);
                return;
            }
            if (failure.Status == 429)
            {
                context.Response.Headers["X-HubSpot-RateLimit-Secondly-Remaining"] = "0";
                if (failure.RetryAfter is { } seconds)
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Error(429, "You have reached your secondly limit.").ExecuteAsync(context);
                return;
            }
            await Error(failure.Status, failure.Status >= 500 ? "Internal error" : "Property values were not valid").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private IResult Owners(HttpRequest request) => Page(owners.Cast<JsonNode>().ToList(), request, 100);

    private static IResult Pipelines() => Results.Json(new JsonObject
    {
        ["results"] = new JsonArray(new JsonObject
        {
            ["id"] = "default",
            ["label"] = "Sales Pipeline",
            ["displayOrder"] = 0,
            ["stages"] = new JsonArray([.. DefaultStages.Select((id, i) => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["label"] = id,
                ["displayOrder"] = i,
                ["metadata"] = new JsonObject { ["isClosed"] = id.StartsWith("closed", StringComparison.Ordinal) ? "true" : "false", ["probability"] = id == "closedwon" ? "1.0" : id == "closedlost" ? "0.0" : "0.5" },
            })]),
        }),
    });

    private async Task<IResult> DefinePropertyAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!;
        if (body["name"]?.GetValue<string>() == "salescoach_id" && body["hasUniqueValue"]?.GetValue<bool>() == true)
            SalesCoachIdDefined = true;
        return Results.Json(body, statusCode: 201);
    }

    private IResult ListDeals(HttpRequest request)
    {
        var archived = request.Query["archived"] == "true";
        lock (gate)
            return Page([.. deals.Values.Where(d => d.Archived == archived).OrderBy(d => d.Id).Select(d => d.Json())], request, 100);
    }

    private async Task<IResult> SearchAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!;
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        if (limit > 200)
            return Error(400, "limit must be at most 200");
        var after = int.Parse(body["after"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
        if (after + limit > 10_000)
            return Error(400, "Search results are limited to 10,000");
        var filters = body["filterGroups"]![0]!["filters"]!.AsArray();
        lock (gate)
        {
            var found = deals.Values.Where(d => !d.Archived && filters.All(f => Matches(d, f!))).OrderBy(d => d.Modified).ThenBy(d => d.Id).Select(d => d.Json()).ToList();
            var page = found.Skip(after).Take(limit).ToList();
            var answer = new JsonObject { ["total"] = found.Count, ["results"] = new JsonArray([.. page]) };
            if (after + limit < found.Count)
                answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + limit).ToString(CultureInfo.InvariantCulture) } };
            return Results.Json(answer);
        }
    }

    private static bool Matches(Deal deal, JsonNode filter)
    {
        var (name, op, value) = (filter["propertyName"]!.GetValue<string>(), filter["operator"]!.GetValue<string>(), filter["value"]!.GetValue<string>());
        return (name, op) switch
        {
            ("hs_lastmodifieddate", "GTE") => deal.Modified.ToUnixTimeMilliseconds() >= long.Parse(value, CultureInfo.InvariantCulture),
            (_, "EQ") => deal.Properties.GetValueOrDefault(name) == value,
            _ => throw new NotSupportedException($"{name} {op}"),
        };
    }

    private async Task<IResult> UpsertAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!;
        var results = new JsonArray();
        lock (gate)
        {
            foreach (var input in body["inputs"]!.AsArray())
            {
                var (idProperty, id) = (input!["idProperty"]!.GetValue<string>(), input["id"]!.GetValue<string>());
                if (idProperty != "salescoach_id" || !SalesCoachIdDefined)
                    return Error(400, $"Property {idProperty} is not a unique property");
                var properties = Strings(input["properties"]!);
                if (Invalid(properties) is { } invalid)
                    return Error(400, invalid);
                var existing = deals.Values.FirstOrDefault(d => !d.Archived && d.Properties.GetValueOrDefault("salescoach_id") == id);
                var deal = existing ?? new Deal((nextId++).ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
                deals[deal.Id] = deal;
                Set(deal, properties);
                deal.Properties["salescoach_id"] = id;
                var json = deal.Json();
                json["new"] = existing is null;
                results.Add(json);
            }
        }
        return Results.Json(new JsonObject { ["status"] = "COMPLETE", ["results"] = results });
    }

    private IResult GetDeal(string id)
    {
        lock (gate)
            return deals.TryGetValue(id, out var deal) && !deal.Archived ? Results.Json(deal.Json()) : Error(404, $"Object not found. objectId are usually numeric.");
    }

    private async Task<IResult> PatchAsync(string id, HttpRequest request)
    {
        var properties = Strings((await JsonNode.ParseAsync(request.Body))!["properties"]!);
        lock (gate)
        {
            if (!deals.TryGetValue(id, out var deal) || deal.Archived)
                return Error(404, "Object not found. objectId are usually numeric.");
            if (Invalid(properties) is { } invalid)
                return Error(400, invalid);
            Set(deal, properties);
            return Results.Json(deal.Json());
        }
    }

    private async Task<IResult> CreateActivityAsync(string type, HttpRequest request)
    {
        var expected = new Dictionary<string, (int Association, string Body)> { ["calls"] = (206, "hs_call_body"), ["emails"] = (210, "hs_email_text"), ["meetings"] = (212, "hs_meeting_body"), ["notes"] = (214, "hs_note_body") };
        if (!expected.TryGetValue(type, out var shape))
            return Error(404, $"Unknown object type {type}");
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        var association = body["associations"]?[0];
        if (body["properties"]?["hs_timestamp"] is null)
            return Error(400, "hs_timestamp is required");
        if (association?["types"]?[0]?["associationCategory"]?.GetValue<string>() != "HUBSPOT_DEFINED" || association["types"]![0]!["associationTypeId"]!.GetValue<int>() != shape.Association)
            return Error(400, $"Invalid association type for {type} to deal");
        lock (gate)
        {
            if (!deals.TryGetValue(association["to"]!["id"]!.GetValue<string>(), out var deal) || deal.Archived)
                return Error(400, "Association target not found");
            Activities.Add((type, body));
            return Results.Json(new JsonObject { ["id"] = (nextId++).ToString(CultureInfo.InvariantCulture), ["properties"] = body["properties"]!.DeepClone() }, statusCode: 201);
        }
    }

    private static string? Invalid(Dictionary<string, string?> properties) =>
        properties.TryGetValue("dealstage", out var stage) && stage is not null && !DefaultStages.Contains(stage) ? $"Property values were not valid: dealstage {stage} is not a stage of the pipeline"
        : properties.TryGetValue("amount", out var amount) && amount is { Length: > 0 } && !decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? $"Property values were not valid: amount {amount}"
        : null;

    private void Set(Deal deal, Dictionary<string, string?> properties)
    {
        foreach (var (name, value) in properties)
            deal.Properties[name] = value;
        deal.Modified = time.GetUtcNow();
    }

    private static Dictionary<string, string?> Strings(JsonNode properties) =>
        properties.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? p.Value.GetValue<string>() : p.Value?.ToJsonString());

    private static IResult Page(List<JsonNode> all, HttpRequest request, int maxLimit)
    {
        var limit = Math.Min(maxLimit, int.TryParse(request.Query["limit"], out var l) ? l : 10);
        var after = int.TryParse(request.Query["after"], out var a) ? a : 0;
        var answer = new JsonObject { ["results"] = new JsonArray([.. all.Skip(after).Take(limit).Select(n => n.DeepClone())]) };
        if (after + limit < all.Count)
            answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + limit).ToString(CultureInfo.InvariantCulture), ["link"] = "?after=" + (after + limit) } };
        return Results.Json(answer);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new { status = "error", message, correlationId = Guid.NewGuid(), category = status == 429 ? "RATE_LIMITS" : "VALIDATION_ERROR" }, statusCode: status);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed record Failure(int Status, int? RetryAfter, bool Lose);

    private sealed class Deal(string id, DateTimeOffset created)
    {
        public string Id { get; } = id;
        public Dictionary<string, string?> Properties { get; } = [];
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset Modified { get; set; } = created;
        public bool Archived { get; set; }
        public DateTimeOffset? ArchivedAt { get; set; }

        public JsonObject Json()
        {
            var properties = new JsonObject();
            foreach (var (name, value) in Properties)
                properties[name] = value;
            properties["hs_object_id"] = Id;
            properties["createdate"] = Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            properties["hs_lastmodifieddate"] = Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["id"] = Id,
                ["properties"] = properties,
                ["createdAt"] = properties["createdate"]!.DeepClone(),
                ["updatedAt"] = properties["hs_lastmodifieddate"]!.DeepClone(),
                ["archived"] = Archived,
                ["archivedAt"] = ArchivedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            };
        }
    }
}
