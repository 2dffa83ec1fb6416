using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: a bounded body, an activity the bot can answer, a Bot Framework token, and only then the turn.
/// A request the bot refuses gets a 4xx and one warning in the log.
/// </summary>
public sealed class TeamsMessagesEndpoint(TeamsAdapter adapter, BotFrameworkAuthentication authentication, IBot bot, ServiceUrlAllowList allowList, ILogger<TeamsMessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Teams refuses messages over about 28 KB; a longer text did not come from Teams.</summary>
    public const int MaxTextBytes = 28 * 1024;

    private static readonly JsonSerializer ActivitySerializer = JsonSerializer.Create(new JsonSerializerSettings(HttpHelper.BotMessageSerializerSettings) { MaxDepth = 64 });

    public async Task HandleAsync(HttpContext context)
    {
        var (request, response, cancellationToken) = (context.Request, context.Response, context.RequestAborted);
        var body = await RequestBodies.ReadBoundedAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            Refuse(response, StatusCodes.Status413PayloadTooLarge, "the body is larger than " + MaxBodyBytes + " bytes");
            return;
        }
        var activity = Deserialize(body);
        if (Problem(activity) is { } problem)
        {
            Refuse(response, StatusCodes.Status400BadRequest, problem);
            return;
        }

        AuthenticateRequestResult authenticated;
        try
        {
            authenticated = await authentication.AuthenticateRequestAsync(activity!, request.Headers.Authorization.ToString(), cancellationToken);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException or SecurityTokenException)
        {
            Refuse(response, StatusCodes.Status401Unauthorized, "no valid Bot Framework token");
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The OpenID metadata or the keys it names could not be fetched: no token can be checked until they can.
            logger.LogError("Refused a request to /api/messages with {Status}: the Bot Framework's signing keys cannot be fetched ({Problem})",
                StatusCodes.Status503ServiceUnavailable, e.InnerException?.Message ?? e.Message);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var invokeResponse = await adapter.ProcessAuthenticatedActivityAsync(authenticated, activity!, bot.OnTurnAsync, cancellationToken);
        await HttpHelper.WriteResponseAsync(response, invokeResponse);
    }

    private string? Problem(Activity? activity) => activity switch
    {
        null => "the body is not an activity",
        { Type: null or "" } => "the activity has no type",
        { Conversation: null } or { Conversation.Id: null or "" } => "the activity has no conversation",
        // The Bot Connector client names the conversation in a header (x-ms-conversation-id) on every reply, and a header
        // carries printable ASCII only; the Bot Framework's conversation ids always are, so another one did not come from it.
        { Conversation.Id: { } conversationId } when conversationId.Any(c => c is < ' ' or > '~') => "the conversation id is not printable ASCII",
        // Teams names the sender of every activity; a rep cannot be told apart (or created) without one.
        { From: null } or { From.Id: null or "" } => "the activity has no sender",
        _ when !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https") =>
            "the serviceUrl is not an HTTP(S) URL",
        _ when !allowList.Allows(new Uri(activity.ServiceUrl)) => $"the serviceUrl host {new Uri(activity.ServiceUrl).IdnHost} is not allowed (Teams:AllowedServiceUrlHosts)",
        { Text: { } text } when Encoding.UTF8.GetByteCount(text) > MaxTextBytes => $"the text is longer than {MaxTextBytes} bytes",
        _ => ActivityShape.Problem(activity),
    };

    private static Activity? Deserialize(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8));
            return ActivitySerializer.Deserialize<Activity>(reader);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private void Refuse(HttpResponse response, int status, string reason)
    {
        logger.LogWarning("Refused a request to /api/messages with {Status}: {Reason}", status, reason);
        response.StatusCode = status;
    }
}
