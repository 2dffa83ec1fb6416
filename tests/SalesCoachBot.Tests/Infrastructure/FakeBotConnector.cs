using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// A Bot Connector on 127.0.0.1 that answers the REST calls the Bot Framework makes to a channel's
/// serviceUrl and records every activity the bot sends.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SentActivity> sent = new();
    private readonly ConcurrentDictionary<string, JsonObject> members = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> failures = new();

    private FakeBotConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyList<SentActivity> Sent => [.. sent];

    /// <summary>Every attempt to post, including refused ones, as (conversation, HTTP status).</summary>
    public ConcurrentQueue<(string ConversationId, int Status)> Attempts { get; } = new();

    /// <summary>The next post is refused with this status (and Retry-After, if given).</summary>
    public void FailNext(int status, string? retryAfter = null) => failures.Enqueue((status, retryAfter));

    /// <summary>The TCP connections the bot's posts arrived on (Kestrel's connection ids).</summary>
    public ConcurrentDictionary<string, int> Connections { get; } = new();

    /// <summary>How many times the bot asked for a member's profile.</summary>
    public int MemberLookups { get; private set; }

    /// <summary>A Teams user whose profile (with e-mail) the connector returns.</summary>
    public void AddMember(string userId, string aadObjectId, string name, string email) => members[userId] = new JsonObject
    {
        ["id"] = userId,
        ["name"] = name,
        ["aadObjectId"] = aadObjectId,
        ["email"] = email,
        ["userPrincipalName"] = email,
        ["tenantId"] = TeamsActivities.TenantId,
        ["userRole"] = "user",
    };

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeBotConnector(builder.Build());
        connector.app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", connector.ReceiveAsync);
        connector.app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) =>
        {
            connector.MemberLookups++;
            return connector.members.TryGetValue(userId, out var member)
                ? Results.Json(member)
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member was not found." } }, statusCode: 404);
        });
        await connector.app.StartAsync();
        var address = connector.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = address + "/";
        return connector;
    }

    private async Task<IResult> ReceiveAsync(string conversationId, string? replyToId, HttpRequest request, HttpResponse response)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        if (failures.TryDequeue(out var failure))
        {
            Attempts.Enqueue((conversationId, failure.Status));
            if (failure.RetryAfter is not null)
                response.Headers.RetryAfter = failure.RetryAfter;
            return Results.Json(new { error = new { code = failure.Status == 403 ? "BotDisabledByAdmin" : "Throttled", message = "refused by the fake" } }, statusCode: failure.Status);
        }
        Connections.AddOrUpdate(request.HttpContext.Connection.Id, 1, (_, posts) => posts + 1);
        Attempts.Enqueue((conversationId, 200));
        sent.Enqueue(new SentActivity(conversationId, replyToId, request.Headers.Authorization.ToString(), body));
        return Results.Json(new { id = $"reply-{sent.Count}" });
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

/// <summary>One activity the bot posted: where to, and its JSON as sent.</summary>
public sealed record SentActivity(string ConversationId, string? ReplyToId, string Authorization, JsonObject Body)
{
    public string Text => Body["text"]?.GetValue<string>() ?? "";

    /// <summary>The Adaptive Card the activity carries, if any.</summary>
    public JsonObject? Card => Body["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>Every text on the card or in the message, to search what the rep sees.</summary>
    public string Visible => string.Join("\n", [Text, .. Strings(Card)]);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
