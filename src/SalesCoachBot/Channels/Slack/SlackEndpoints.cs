using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// <c>/api/slack/events</c>, <c>/commands</c> and <c>/interactions</c>. Each request's raw body is read
/// once and its signature checked before anything is parsed; the turn runs after the acknowledgement.
/// </summary>
public static class SlackEndpoints
{
    private const string BodyKey = "slack.body";

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

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!SlackSignature.IsValid(options.SigningSecret, http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body, now))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints))
                .LogWarning("Refused a Slack request to {Path}: missing, stale or wrong signature", http.Request.Path);
            return Results.Unauthorized();
        }
        http.Items[BodyKey] = body;
        return await next(context);
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackInbox inbox)
    {
        if (JsonNode.Parse(Body(http)) is not JsonObject envelope)
            return Results.BadRequest();
        switch (envelope["type"]?.GetValue<string>())
        {
            case "url_verification":
                return Results.Json(new { challenge = envelope["challenge"]?.GetValue<string>() });
            case "event_callback" when SlackPayloads.FromEventCallback(envelope) is { } inbound:
                await inbox.AcceptAsync(inbound, http.RequestAborted);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackInbox inbox)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body(http))).ToDictionary(f => f.Key, f => f.Value.ToString());
        await inbox.AcceptAsync(SlackPayloads.FromCommand(form), http.RequestAborted);
        return Results.Ok();
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackInbox inbox)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body(http)));
        if (!form.TryGetValue("payload", out var payload) || JsonNode.Parse(payload.ToString()) is not JsonObject interaction)
            return Results.BadRequest();
        if (SlackPayloads.FromInteraction(interaction) is { } inbound)
            await inbox.AcceptAsync(inbound, http.RequestAborted);
        return Results.Ok();
    }

    private static byte[] Body(HttpContext http) => (byte[])http.Items[BodyKey]!;
}
