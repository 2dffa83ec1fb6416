using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Persistence;

/// <summary>
/// Tells a database that is not answering from other failures, and says so once per outage: one warning when it
/// begins, one line when the database answers again, nothing for each request, turn and round that fails meanwhile.
/// </summary>
public sealed class DatabaseOutages(TimeProvider time, ILogger<DatabaseOutages> logger)
{
    /// <summary>How long the database must go without failing for an outage to be over (its last connections fail after the first refusals).</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private DateTimeOffset? since, lastFailure;

    public bool IsOngoing => since is not null;

    /// <summary>Called when an outage begins and when it ends: the provider forgets its pooled connections, which the server dropped.</summary>
    public Action? ConnectionsBroken { get; set; }

    /// <summary>True when <paramref name="failure"/> means the database is not answering (then it is noted, not logged again).</summary>
    public bool Noted(Exception failure)
    {
        if (!IsUnavailable(failure))
            return false;
        logger.LogDebug(failure, "The database failed");
        lock (gate)
        {
            lastFailure = time.GetUtcNow();
            if (since is not null)
                return true;
            since = lastFailure;
        }
        ConnectionsBroken?.Invoke();
        logger.LogWarning("The database is not answering ({Error}); Slack deliveries are refused until it does (Slack sends them again), and turns, nudges and jobs wait",
            Innermost(failure).Message);
        return true;
    }

    /// <summary>The database answered: an outage noted before has ended.</summary>
    public void Answered()
    {
        DateTimeOffset began;
        lock (gate)
        {
            if (since is not { } start || time.GetUtcNow() - lastFailure < QuietPeriod)
                return;
            (began, since) = (start, null);
        }
        ConnectionsBroken?.Invoke();
        logger.LogInformation("The database answers again after {Seconds:0.#} s", (time.GetUtcNow() - began).TotalSeconds);
    }

    public static bool IsUnavailable(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException || e is DbException { SqlState: ['0', '8', ..] or "57P01" or "57P02" or "57P03" })
                return true;
        return false;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
