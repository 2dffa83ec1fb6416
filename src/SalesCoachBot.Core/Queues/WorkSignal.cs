namespace SalesCoachBot.Queues;

/// <summary>Wakes a worker as soon as there is something for it, instead of at its next round.</summary>
/// <remarks>Wakes only this host's workers; other hosts find the row at their next round. A database notification
/// (PostgreSQL's LISTEN/NOTIFY) would wake them all and could replace it.</remarks>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim signal = new(0);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
            signal.Release();
    }

    /// <summary>Returns when woken or after the timeout on the given clock, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = signal.WaitAsync(round.Token);
        await Task.WhenAny(woken, Task.Delay(timeout, time, round.Token));
        await round.CancelAsync(); // the losing wait must not take the next wake-up
        try
        {
            await woken;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Something was written to the outbox.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>A delivery was stored in the inbox.</summary>
public sealed class InboxSignal : WorkSignal;
