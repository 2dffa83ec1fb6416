using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>
/// <c>POST /api/crm/hubspot/webhook</c>: deal creations, property changes and deletions read just after the answer
/// (<see cref="HubSpotWebhookReads"/>), on top of the
/// incremental pull (never instead: a webhook lost is read at the next pull). Signature v3 checked, stale timestamps
/// refused; the URI signed is <c>Crm:HubSpot:WebhookUrl</c> when set (behind a proxy). Off (404) while <c>Crm:HubSpot:ClientSecret</c> is empty.
/// </summary>
public static class HubSpotWebhook
{
    public const string Path = "/api/crm/hubspot/webhook";

    public static IEndpointRouteBuilder MapCrm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<CrmOptions> options, TimeProvider time)
    {
        var secret = options.Value.HubSpot.ClientSecret;
        if (!options.Value.IsHubSpot || string.IsNullOrEmpty(secret))
            return Results.NotFound();
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var uri = options.Value.HubSpot.WebhookUrl is { Length: > 0 } target ? target : request.GetDisplayUrl();
        if (!HubSpotSignature.IsValid(secret, request.Method, uri, body, request.Headers["X-HubSpot-Request-Timestamp"], request.Headers["X-HubSpot-Signature-v3"], time.GetUtcNow()))
            return Results.Unauthorized();
        JsonArray events;
        try
        {
            events = JsonNode.Parse(body) as JsonArray ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest(new { error = "The body is not a JSON list of HubSpot events." });
        }
        var deals = events.Where(e => e?["subscriptionType"]?.GetValue<string>()?.StartsWith("deal.", StringComparison.Ordinal) == true)
            .Select(e => e!["objectId"]?.ToJsonString().Trim('"')).OfType<string>().Distinct().ToList();
        request.HttpContext.RequestServices.GetRequiredService<HubSpotWebhookReads>().Read(deals); // after the answer: HubSpot retries a webhook not answered quickly
        return Results.Ok();
    }
}
