using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Queues;

/// <summary>
/// The durable inbox every host shares: a delivery is stored once (a retry of a stored one is not),
/// and its turn is leased by one host at a time, in order within its lane. A lease that runs out
/// (its host died) or that a restarted host gives back makes the message available again.
/// </summary>
public sealed class Inbox(IDbContextFactory<SalesCoachDbContext> contexts, HostInstance host, TimeProvider time, InboxSignal signal)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    /// <summary>A turn started this often without finishing (its host died each time) is set aside.</summary>
    public const int MaxAttempts = 3;

    private readonly Lock queueLock = new();
    private List<Accepted> queued = [];
    private bool writing;

    private sealed record Accepted(InboxMessage Message, TaskCompletionSource<bool> Stored);

    /// <summary>
    /// Stores a delivery for its turn to run; false when that delivery is already stored (done or not). Deliveries
    /// arriving while others are being written are stored together in the next transaction (one commit, one flush
    /// to disk, instead of each waiting for the database's write lock in turn); each returns once its own is committed.
    /// </summary>
    public async Task<bool> TryAcceptAsync(string channel, string deliveryId, string lane, string payload, CancellationToken cancellationToken)
    {
        var accepted = new Accepted(new InboxMessage { DeliveryId = deliveryId, Channel = channel, Lane = lane, Payload = payload, ReceivedAt = time.GetUtcNow() },
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (queueLock)
        {
            queued.Add(accepted);
            start = !writing;
            writing = true;
        }
        if (start)
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        // A request given up on may still be stored: its channel delivers it again and the repeat is recognised.
        return await accepted.Stored.Task.WaitAsync(cancellationToken);
    }

    // One writer at a time takes everything queued so far, until nothing is left.
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Accepted> batch;
            lock (queueLock)
            {
                if (queued.Count == 0)
                {
                    writing = false;
                    return;
                }
                (batch, queued) = (queued, []);
            }
            try
            {
                var stored = await StoreAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Stored.TrySetResult(stored[i]);
                if (stored.Any(s => s))
                    signal.Wake();
            }
            catch (Exception e)
            {
                foreach (var accepted in batch)
                    accepted.Stored.TrySetException(e);
            }
            // The batch's acknowledgements wait in this thread's own queue, and SQLite's "async" calls finish without
            // giving the thread back: the next batch goes to the back of the pool's queue, so they are sent first
            // instead of after the whole burst has arrived.
            await Task.Yield();
        }
    }

    // ON CONFLICT DO NOTHING: a delivery already stored (by any host, or earlier in the batch) is not stored again, and
    // one prepared statement a row costs a fraction of a tracked save while a burst waits for its acknowledgements.
    private async Task<bool[]> StoreAsync(List<Accepted> batch)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None); // one commit for the batch, whatever its size
        var stored = await db.InsertEachIfAbsentAsync(batch.Select(a => a.Message).ToList(), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return stored;
    }

    /// <summary>
    /// Records a delivery a channel answers as it arrives (Teams), so a repeat is refused like a stored one; false when
    /// the id is already recorded. The row is born done: no lane runs it, and the purge forgets it with the others.
    /// </summary>
    public async Task<bool> TryClaimAsync(string channel, string deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        // One statement: a repeat, or another host's claim a moment earlier, inserts nothing.
        return await db.InsertIfAbsentAsync(new InboxMessage { DeliveryId = deliveryId, Channel = channel, Lane = "", Payload = "", ReceivedAt = now, DoneAt = now },
            cancellationToken) == 1;
    }

    /// <summary>Leases the first waiting message of a lane no host is running and this host is not already running.</summary>
    public async Task<InboxMessage?> ClaimNextAsync(IReadOnlyCollection<string> lanesRunningHere, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var candidates = await FirstInLane(db, db.Inbox)
            .Where(m => (m.LeasedUntil == null || m.LeasedUntil < now) && !lanesRunningHere.Contains(m.Lane))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(8).ToListAsync(cancellationToken);
        foreach (var id in candidates)
            if (await TryLeaseAsync(db, id, now, cancellationToken) is { } message)
                return message;
        return null;
    }

    /// <summary>Leases the next waiting message of a lane this host has just run a message of.</summary>
    public async Task<InboxMessage?> ClaimNextInLaneAsync(string lane, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.Inbox.Where(m => m.Lane == lane && m.DoneAt == null).OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return next is { } id ? await TryLeaseAsync(db, id, time.GetUtcNow(), cancellationToken) : null;
    }

    /// <summary>Marks a turn done, with what went wrong if it failed (a turn that ran is not run again: its changes are made).</summary>
    public async Task CompleteAsync(long id, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        error = error?.Length > 1000 ? error[..1000] : error;
        await db.Inbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DoneAt, now).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeasedBy, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Keeps the answer of a turn that saved changes, for a host that takes the turn up again to send instead of running it twice.</summary>
    public async Task RecordAnswerAsync(long id, string answerJson, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Inbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AnswerJson, answerJson), cancellationToken);
    }

    /// <summary>Gives back every lease this host holds: at start-up (a restarted host ran nothing it held) and on a stop.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.Where(m => m.LeasedBy == host.Id && m.DoneAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeasedBy, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Forgets finished deliveries older than a channel would ever retry.</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = time.GetUtcNow() - olderThan;
        return await db.Inbox.Where(m => m.DoneAt != null && m.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, time, cancellationToken);

    // Only a lane's first unfinished message may run: the next waits until it is done.
    private static IQueryable<InboxMessage> FirstInLane(SalesCoachDbContext db, IQueryable<InboxMessage> messages) =>
        messages.Where(m => m.DoneAt == null && !db.Inbox.Any(o => o.Lane == m.Lane && o.DoneAt == null && o.Id < m.Id));

    // A conditional update: of hosts racing for one message, exactly one changes the row (PostgreSQL re-checks
    // the condition on the row the winner wrote; SQLite has one writer at a time).
    private async Task<InboxMessage?> TryLeaseAsync(SalesCoachDbContext db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        var leased = await FirstInLane(db, db.Inbox.Where(m => m.Id == id))
            .Where(m => m.LeasedUntil == null || m.LeasedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedBy, host.Id).SetProperty(m => m.LeasedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (leased == 0)
            return null;
        // Leased now: a stop arriving from here on must not leave the row held by a turn nobody runs.
        var message = await db.Inbox.AsNoTracking().SingleAsync(m => m.Id == id, CancellationToken.None);
        if (message.Attempts <= MaxAttempts)
            return message;
        // Its turn was started that often and never finished (each time the host died): set it aside.
        await CompleteAsync(id, "its turn never finished", CancellationToken.None);
        return null;
    }
}
