using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Socket Mode: the bot connects out to Slack (apps.connections.open with the app-level token), so no
/// public endpoint is needed. Like the HTTP endpoints, an envelope is stored, then acknowledged by its envelope_id:
/// one that could not be stored stays unacknowledged and Slack sends it again. Envelopes are stored as they arrive,
/// not one after another, so a burst shares commits. On "disconnect" or a dropped socket it connects again.
/// </summary>
public sealed class SlackSocketMode(SlackApiClient api, SlackInbox inbox, AcknowledgementsInFlight acknowledgements, IOptions<SlackOptions> options,
    DatabaseOutages outages, TimeProvider time, ILogger<SlackSocketMode> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.SocketMode && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await api.OpenSocketAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken);
                logger.LogInformation("Slack Socket Mode connected");
                await ReceiveAsync(socket, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Slack Socket Mode connection failed ({Error}); retrying in {Seconds} s", e.Message, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        using var sending = new SemaphoreSlim(1, 1); // a WebSocket takes one send at a time
        var storing = new List<Task>();
        try
        {
            while (socket.State == WebSocketState.Open && await ReadAsync(socket, stoppingToken) is { } envelope)
            {
                var type = envelope["type"]?.GetValue<string>();
                if (type == "disconnect")
                {
                    logger.LogInformation("Slack asked to reconnect ({Reason})", envelope["reason"]?.GetValue<string>());
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", stoppingToken);
                    return;
                }
                var envelopeId = envelope["envelope_id"]?.GetValue<string>();
                var inbound = envelope["payload"] is JsonObject payload ? Read(type, payload, envelopeId) : null;
                storing.RemoveAll(t => t.IsCompleted);
                storing.Add(StoreThenAcknowledgeAsync(socket, sending, envelopeId, inbound, stoppingToken));
            }
        }
        finally
        {
            await Task.WhenAll(storing); // the socket is disposed after this
        }
    }

    private async Task StoreThenAcknowledgeAsync(ClientWebSocket socket, SemaphoreSlim sending, string? envelopeId, SlackInbound? inbound, CancellationToken stoppingToken)
    {
        using var acknowledging = acknowledgements.Enter();
        try
        {
            if (inbound is not null)
                await inbox.AcceptAsync(inbound, stoppingToken);
            if (envelopeId is null)
                return;
            await sending.WaitAsync(stoppingToken);
            try
            {
                await SendAsync(socket, new JsonObject { ["envelope_id"] = envelopeId }, stoppingToken);
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && outages.Noted(e))
        {
            // Not stored, so not acknowledged: Slack sends it again once the database answers.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged, Slack sends it again (on this connection or the next); if it was stored, the repeat is not stored twice.
            logger.LogWarning("Slack envelope {EnvelopeId} is left unacknowledged: {Error}", envelopeId, e.Message);
        }
    }

    private SlackInbound? Read(string? type, JsonObject payload, string? envelopeId)
    {
        try
        {
            return type switch
            {
                "events_api" => SlackPayloads.FromEventCallback(payload),
                "slash_commands" => SlackPayloads.FromCommand(payload.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString()), envelopeId ?? Guid.NewGuid().ToString("N")),
                "interactive" => SlackPayloads.FromInteraction(payload),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            logger.LogWarning("Skipped an unreadable Slack {Type} payload ({Reason})", type, e.Message);
            return null;
        }
    }

    private static async Task<JsonObject?> ReadAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray()) as JsonObject;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
