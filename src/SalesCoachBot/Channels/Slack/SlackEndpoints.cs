using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// <c>/api/slack/events</c>, <c>/commands</c> and <c>/interactions</c>. Each request's raw body (at most
/// <see cref="MaxBodyBytes"/>, else 413) is read once and its signature checked before anything is parsed;
/// a payload that cannot be read gets 400; the turn runs after the acknowledgement.
/// </summary>
public static class SlackEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;
    public static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 64 };
    private const string BodyKey = "slack.body";
    internal const string TimestampHeader = "X-Slack-Request-Timestamp";
    internal const string SignatureHeader = "X-Slack-Signature";

    public static IEndpointRouteBuilder MapSlackChannel(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/api/slack").AddEndpointFilter(VerifyAsync);
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/interactions", InteractionsAsync);
        return endpoints;
    }

    private static async ValueTask<object?> VerifyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.SigningSecret))
            return Results.NotFound();
        using var acknowledging = http.RequestServices.GetRequiredService<AcknowledgementsInFlight>().Enter();

        if (await RequestBodies.ReadBoundedAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body)
        {
            Logger(http).LogWarning("Refused a Slack request to {Path}: the body is over {Limit} bytes", http.Request.Path, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!SlackSignature.IsValid(options.SigningSecret, http.Request.Headers[TimestampHeader], http.Request.Headers[SignatureHeader], body, now))
        {
            Logger(http).LogWarning("Refused a Slack request to {Path}: missing, stale or wrong signature", http.Request.Path);
            return Results.Unauthorized();
        }
        http.Items[BodyKey] = body;
        return await next(context);
    }

    private static Task<IResult> EventsAsync(HttpContext http, SlackInbox inbox) => AnswerAsync(http, inbox, body =>
    {
        if (JsonNode.Parse(body, documentOptions: JsonLimits) is not JsonObject envelope)
            throw new FormatException("the body is not a JSON object");
        return envelope["type"]?.GetValue<string>() switch
        {
            "url_verification" when envelope["challenge"] is JsonValue challenge && challenge.TryGetValue<string>(out var text) =>
                (Results.Json(new { challenge = text }), null),
            "url_verification" => throw new FormatException("the challenge is not a string"),
            "event_callback" => (Results.Ok(), SlackPayloads.FromEventCallback(envelope)),
            _ => (Results.Ok(), null),
        };
    });

    private static Task<IResult> CommandsAsync(HttpContext http, SlackInbox inbox) => AnswerAsync(http, inbox, body =>
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(f => f.Key, f => f.Value.ToString());
        if (!form.TryGetValue("user_id", out var user) || user.Length == 0)
            throw new FormatException("the command names no user");
        var sameRequest = $"{http.Request.Headers[TimestampHeader]}:{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}";
        return (Results.Ok(), SlackPayloads.FromCommand(form, sameRequest));
    });

    private static Task<IResult> InteractionsAsync(HttpContext http, SlackInbox inbox) => AnswerAsync(http, inbox, body =>
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || JsonNode.Parse(payload.ToString(), documentOptions: JsonLimits) is not JsonObject interaction)
            throw new FormatException("there is no JSON object in the payload field");
        return (Results.Ok(), SlackPayloads.FromInteraction(interaction));
    });

    private static async Task<IResult> AnswerAsync(HttpContext http, SlackInbox inbox, Func<byte[], (IResult Answer, SlackInbound? Inbound)> read)
    {
        (IResult Answer, SlackInbound? Inbound) request;
        try
        {
            request = read((byte[])http.Items[BodyKey]!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            Logger(http).LogWarning("Refused a Slack request to {Path}: unreadable payload ({Reason})", http.Request.Path, e.Message);
            return Results.BadRequest();
        }
        if (request.Inbound is { } inbound)
            try
            {
                await inbox.AcceptAsync(inbound, http.RequestAborted);
            }
            catch (Exception e) when (http.RequestServices.GetRequiredService<DatabaseOutages>().Noted(e))
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError); // not stored, so not acknowledged: Slack sends it again
            }
        return request.Answer;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
}
