using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// Salesforce's REST API on 127.0.0.1 as published: the client credentials token endpoint, SOQL queries (the few the
/// bot sends) paged by nextRecordsUrl, Opportunity get/patch/upsert by external id, Task and Event, Sforce-Limit-Info,
/// error bodies as lists of { message, errorCode }, answers lost on demand.
/// </summary>
public sealed partial class FakeSalesforce : IAsyncDisposable
{
    public const string ClientId = "3MVG9-test", ClientSecret = "sf-secret", Version = "v62.0";
    public static readonly string[] Stages = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly List<JsonObject> users = [];
    private readonly Dictionary<string, JsonObject> opportunities = [];
    private readonly ConcurrentDictionary<string, List<JsonNode>> cursors = new();
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentQueue<string> losing = new();
    private readonly List<(string Id, DateTimeOffset At)> deleted = [];
    private int nextId = 1, used;

    private FakeSalesforce(WebApplication app, TimeProvider time) => (this.app, this.time) = (app, time);

    public string InstanceUrl { get; private set; } = "";
    public int PageSize { get; set; } = 2;
    public List<(string Type, JsonObject Body)> Activities { get; } = [];
    public IReadOnlyList<string> Requests => [.. requests];

    public static async Task<FakeSalesforce> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSalesforce(builder.Build(), time);
        const string api = "/services/data/" + Version;
        fake.app.Use(fake.CheckAsync);
        fake.app.MapPost("/services/oauth2/token", fake.TokenAsync);
        fake.app.MapGet(api + "/query", (string q) => fake.Query(q));
        fake.app.MapGet(api + "/query/{cursor}", (string cursor) => fake.Page(cursor, 0));
        fake.app.MapGet(api + "/sobjects/Opportunity/describe", () => Results.Json(new { name = "Opportunity", fields = new object[] { new { name = "Id", externalId = false }, new { name = "SalesCoach_Id__c", externalId = true } } }));
        fake.app.MapGet(api + "/sobjects/Opportunity/deleted", fake.Deleted);
        fake.app.MapGet(api + "/sobjects/Opportunity/SalesCoach_Id__c/{external}", (string external) => fake.Find(o => o["SalesCoach_Id__c"]?.GetValue<string>() == external));
        fake.app.MapMethods(api + "/sobjects/Opportunity/SalesCoach_Id__c/{external}", ["PATCH"], fake.UpsertAsync);
        fake.app.MapGet(api + "/sobjects/Opportunity/{id}", (string id) => fake.Find(o => o["Id"]!.GetValue<string>() == id));
        fake.app.MapMethods(api + "/sobjects/Opportunity/{id}", ["PATCH"], fake.UpdateAsync);
        fake.app.MapPost(api + "/sobjects/{type}", fake.CreateActivityAsync);
        await fake.app.StartAsync();
        fake.InstanceUrl = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public void AddUser(string id, string email, string name) => users.Add(new JsonObject { ["attributes"] = Attributes("User", id), ["Id"] = id, ["Email"] = email, ["Name"] = name });

    public string AddOpportunity(string name, string stage, decimal? amount, string closeDate, string ownerId)
    {
        lock (gate)
        {
            var id = $"006{nextId++:D15}";
            opportunities[id] = new JsonObject { ["attributes"] = Attributes("Opportunity", id), ["Id"] = id, ["CreatedDate"] = Stamp() };
            Set(opportunities[id], new JsonObject { ["Name"] = name, ["StageName"] = stage, ["Amount"] = amount, ["CloseDate"] = closeDate, ["OwnerId"] = ownerId });
            return id;
        }
    }

    public void Change(string id, JsonObject fields)
    {
        lock (gate)
            Set(opportunities[id], fields);
    }

    public void Delete(string id)
    {
        lock (gate)
        {
            opportunities.Remove(id);
            deleted.Add((id, time.GetUtcNow()));
        }
    }

    public IReadOnlyList<JsonObject> Opportunities()
    {
        lock (gate)
            return [.. opportunities.Values.Select(o => (JsonObject)o.DeepClone())];
    }

    /// <summary>The next request starting with "METHOD /path" is carried out, but its answer is lost (HTTP 503 instead).</summary>
    public void LoseAnswerNext(string request) => losing.Enqueue(request);

    private async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        requests.Enqueue(request);
        context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={Interlocked.Increment(ref used)}/15000";
        if (!context.Request.Path.StartsWithSegments("/services/oauth2") && context.Request.Headers.Authorization != "Bearer 00D-session")
        {
            await Error(401, "INVALID_SESSION_ID", "Session expired or invalid").ExecuteAsync(context);
            return;
        }
        if (losing.TryPeek(out var lose) && request.StartsWith(lose, StringComparison.Ordinal) && losing.TryDequeue(out _))
        {
            var body = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Response.Body = body;
            context.Response.Clear();
            await Error(503, "SERVER_UNAVAILABLE", "Service unavailable").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
            return Results.Json(new { error = "unsupported_grant_type", error_description = "grant type not supported" }, statusCode: 400);
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Results.Json(new { error = "invalid_client", error_description = "invalid client credentials" }, statusCode: 400);
        return Results.Json(new { access_token = "00D-session", instance_url = InstanceUrl, token_type = "Bearer", issued_at = "1772442000000", signature = "x" });
    }

    private IResult Query(string soql)
    {
        List<JsonNode> records;
        lock (gate)
        {
            records = Soql(soql) ?? throw new InvalidOperationException($"The fake does not know this query: {soql}");
        }
        var cursor = $"01g{Guid.NewGuid():N}";
        cursors[cursor] = records;
        return Page(cursor, 0);
    }

    private List<JsonNode>? Soql(string soql)
    {
        if (soql.Contains("FROM User ", StringComparison.Ordinal))
            return [.. users.Select(u => u.DeepClone())];
        if (soql.Contains("FROM OpportunityStage ", StringComparison.Ordinal))
            return [.. Stages.Select((s, i) => (JsonNode)new JsonObject { ["ApiName"] = s, ["MasterLabel"] = s, ["SortOrder"] = i + 1, ["IsClosed"] = s.StartsWith("Closed", StringComparison.Ordinal), ["IsWon"] = s == "Closed Won" })];
        if (OpenOrClosedSince().Match(soql) is { Success: true } full)
            return [.. opportunities.Values.Where(o => !Closed(o) || string.CompareOrdinal(o["CloseDate"]?.GetValue<string>(), full.Groups[1].Value) >= 0).Select(o => o.DeepClone())];
        if (ChangedSince().Match(soql) is { Success: true } changed)
        {
            var since = DateTimeOffset.Parse(changed.Groups[1].Value, CultureInfo.InvariantCulture);
            return [.. opportunities.Values.Where(o => Parse(o["SystemModstamp"]!.GetValue<string>()) >= since).OrderBy(o => o["SystemModstamp"]!.GetValue<string>()).Select(o => o.DeepClone())];
        }
        return null;
    }

    private IResult Page(string cursor, int _)
    {
        var (id, offset) = cursor.Contains('-', StringComparison.Ordinal) ? (cursor[..cursor.IndexOf('-', StringComparison.Ordinal)], int.Parse(cursor[(cursor.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)) : (cursor, 0);
        var all = cursors[id];
        var done = offset + PageSize >= all.Count;
        var page = new JsonObject { ["totalSize"] = all.Count, ["done"] = done, ["records"] = new JsonArray([.. all.Skip(offset).Take(PageSize).Select(r => r.DeepClone())]) };
        if (!done)
            page["nextRecordsUrl"] = $"/services/data/{Version}/query/{id}-{offset + PageSize}";
        return Results.Json(page);
    }

    /// <summary>Dates as published (YYYY-MM-DDThh:mm:ss+hh:mm, UTC); results for no more than 15 days before the day of the call.</summary>
    private IResult Deleted(string start, string end)
    {
        if (!ReplicationDate().IsMatch(start) || !ReplicationDate().IsMatch(end))
            return Error(400, "INVALID_REPLICATION_DATE", "start and end are ISO 8601 date-times: YYYY-MM-DDThh:mm:ss+hh:mm");
        var (from, to) = (DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture));
        if (to - from < TimeSpan.FromMinutes(1) || from < new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-15))
            return Error(400, "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate by more than one minute, and be no more than 15 days ago");
        lock (gate)
            return Results.Json(new { deletedRecords = deleted.Where(d => d.At >= from && d.At <= to).Select(d => new { id = d.Id, deletedDate = d.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture) }), earliestDateAvailable = "2026-01-01T00:00:00.000+0000", latestDateCovered = end });
    }

    private IResult Find(Func<JsonObject, bool> match)
    {
        lock (gate)
            return opportunities.Values.FirstOrDefault(match) is { } found ? Results.Json(found) : Error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private async Task<IResult> UpsertAsync(string external, HttpRequest request)
    {
        var fields = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        lock (gate)
        {
            if (Invalid(fields) is { } invalid)
                return invalid;
            var existing = opportunities.Values.FirstOrDefault(o => o["SalesCoach_Id__c"]?.GetValue<string>() == external);
            if (existing is null && (fields["Name"] is null || fields["StageName"] is null || fields["CloseDate"] is null))
                return Error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name, StageName, CloseDate]");
            var id = existing?["Id"]!.GetValue<string>() ?? $"006{nextId++:D15}";
            var record = existing ?? (opportunities[id] = new JsonObject { ["attributes"] = Attributes("Opportunity", id), ["Id"] = id, ["CreatedDate"] = Stamp(), ["SalesCoach_Id__c"] = external });
            Set(record, fields);
            return Results.Json(new { id, success = true, errors = Array.Empty<object>(), created = existing is null }, statusCode: existing is null ? 201 : 200);
        }
    }

    private async Task<IResult> UpdateAsync(string id, HttpRequest request)
    {
        var fields = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        lock (gate)
        {
            if (!opportunities.TryGetValue(id, out var record))
                return Error(404, "NOT_FOUND", "The requested resource does not exist");
            if (Invalid(fields) is { } invalid)
                return invalid;
            Set(record, fields);
            return Results.NoContent();
        }
    }

    private async Task<IResult> CreateActivityAsync(string type, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        if (type is not ("Task" or "Event"))
            return Error(404, "NOT_FOUND", $"The requested resource does not exist: {type}");
        lock (gate)
        {
            if (!opportunities.ContainsKey(body["WhatId"]?.GetValue<string>() ?? ""))
                return Error(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
            Activities.Add((type, body));
            return Results.Json(new { id = $"00T{nextId++:D15}", success = true, errors = Array.Empty<object>() }, statusCode: 201);
        }
    }

    private static IResult? Invalid(JsonObject fields) =>
        fields["StageName"] is { } stage && !Stages.Contains(stage.GetValue<string>())
            ? Error(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"Stage: bad value for restricted picklist field: {stage}") : null;

    private void Set(JsonObject record, JsonObject fields)
    {
        foreach (var (name, value) in fields)
            record[name] = value?.DeepClone();
        record["IsClosed"] = record["StageName"]?.GetValue<string>().StartsWith("Closed", StringComparison.Ordinal) == true;
        record["SystemModstamp"] = Stamp();
    }

    private static bool Closed(JsonObject o) => o["IsClosed"]?.GetValue<bool>() == true;

    private string Stamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp.Replace("+0000", "+00:00", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static JsonObject Attributes(string type, string id) => new() { ["type"] = type, ["url"] = $"/services/data/{Version}/sobjects/{type}/{id}" };

    private static IResult Error(int status, string code, string message) => Results.Json(new[] { new { message, errorCode = code, fields = Array.Empty<string>() } }, statusCode: status);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [GeneratedRegex(@"FROM Opportunity WHERE IsClosed = false OR CloseDate >= (\d{4}-\d\d-\d\d) ")]
    private static partial Regex OpenOrClosedSince();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")]
    private static partial Regex ReplicationDate();

    [GeneratedRegex(@"FROM Opportunity WHERE SystemModstamp >= (\S+Z) ")]
    private static partial Regex ChangedSince();
}
