using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Persistence;
using SalesCoachBot.Telemetry;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Outbox;

/// <summary>
/// Sends what is due in the outbox: marks a message sent only once the channel accepted it, waits as
/// long as a rate limit asks, keeps to each channel's pace per conversation, and stops trying an
/// address the channel refuses (marking the rep unreachable there). Hosts sharing the database each
/// lease what they send; a lease that runs out (its host died mid-send) makes the message due again.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<SalesCoachDbContext> contexts, IEnumerable<IProactiveSender> senders, HostInstance host, TimeProvider time, ILogger<OutboxDispatcher> logger, int batch = OutboxDispatcher.Batch)
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public const int Batch = 50;
    private readonly Dictionary<string, IProactiveSender> byChannel = senders.ToDictionary(s => s.Channel);

    /// <summary>Sends every message that is due now; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await ClaimDueAsync(db, cancellationToken);
        var delivered = 0;
        var now = time.GetUtcNow();
        foreach (var message in due)
        {
            var channel = new KeyValuePair<string, object?>("channel", message.Channel);
            BotTelemetry.OutboxDue.Add(1, channel);
            if (!byChannel.TryGetValue(message.Channel, out var sender))
            {
                (message.GaveUpAt, message.LastError) = (now, $"no sender for channel '{message.Channel}'");
                BotTelemetry.OutboxFailed.Add(1, channel, new("reason", "no-sender"));
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }
            if (await LastSentAsync(db, message.Address, cancellationToken) is { } last && time.GetUtcNow() - last < sender.MinInterval)
            {
                message.NextAttemptAt = last + sender.MinInterval;
                (message.LeasedBy, message.LeasedUntil) = (null, null);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var result = await SendAsync(sender, message, cancellationToken);
            now = time.GetUtcNow();
            message.Attempts++;
            switch (result)
            {
                case SendResult.Delivered:
                    message.SentAt = now;
                    delivered++;
                    BotTelemetry.OutboxSent.Add(1, channel);
                    BotTelemetry.OutboxLag.Record((now - message.NextAttemptAt).TotalSeconds, channel);
                    break;
                case SendResult.RetryAfter retry:
                    (message.NextAttemptAt, message.LastError) = (now + retry.Wait, "rate limited");
                    break;
                case SendResult.Unreachable unreachable:
                    (message.GaveUpAt, message.LastError) = (now, unreachable.Reason);
                    BotTelemetry.OutboxFailed.Add(1, channel, new("reason", "unreachable"));
                    await db.RepAccounts.Where(a => a.Address == message.Address)
                        .ExecuteUpdateAsync(a => a.SetProperty(x => x.UnreachableAt, now), cancellationToken);
                    logger.LogWarning("Outbox {Id}: {Channel} refused delivery ({Reason}); the recipient is marked unreachable", message.Id, message.Channel, unreachable.Reason);
                    break;
                case SendResult.Failed failed when message.Attempts >= MaxAttempts:
                    (message.GaveUpAt, message.LastError) = (now, failed.Error);
                    BotTelemetry.OutboxFailed.Add(1, channel, new("reason", "gave-up"));
                    logger.LogError("Outbox {Id}: giving up after {Attempts} attempts ({Error})", message.Id, message.Attempts, failed.Error);
                    break;
                case SendResult.Failed failed:
                    (message.NextAttemptAt, message.LastError) = (now + TimeSpan.FromSeconds(Math.Pow(2, message.Attempts) * 15), failed.Error);
                    BotTelemetry.OutboxFailed.Add(1, channel, new("reason", "error"));
                    break;
            }
            (message.LeasedBy, message.LeasedUntil) = (null, null);
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }

    /// <summary>Gives back every lease this host holds: at start-up (a restarted host sent nothing it held).</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.Where(m => m.LeasedBy == host.Id && m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeasedBy, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private Task<List<OutboxMessage>> ClaimDueAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Dialect().ClaimDueAsync(db, host.Id, now, now + Lease, batch, cancellationToken);
    }

    private static async Task<DateTimeOffset?> LastSentAsync(SalesCoachDbContext db, string address, CancellationToken cancellationToken) =>
        await db.Outbox.Where(m => m.Address == address && m.SentAt != null).MaxAsync(m => m.SentAt, cancellationToken);

    /// <summary>When the earliest message still waiting is due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A message another host is sending is due again, at the earliest, when its lease runs out.
        var waiting = await db.Outbox.Where(m => m.SentAt == null && m.GaveUpAt == null)
            .Select(m => m.LeasedUntil != null && m.LeasedUntil > m.NextAttemptAt ? m.LeasedUntil.Value : m.NextAttemptAt).ToListAsync(cancellationToken);
        return waiting.Count == 0 ? null : waiting.Min();
    }

    private async Task<SendResult> SendAsync(IProactiveSender sender, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(message.Address, OutboxWriter.Deserialize(message.ReplyJson), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Includes timeouts (TaskCanceledException): a failed send is retried later, it never stops the dispatcher.
            logger.LogWarning("Outbox {Id}: sending failed ({Error})", message.Id, e.Message);
            return new SendResult.Failed(e.Message);
        }
    }
}
