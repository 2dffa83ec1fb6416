namespace SalesCoachBot.Outbox;

/// <summary>Wakes the outbox dispatcher as soon as something is written, instead of at its next round.</summary>
public sealed class OutboxSignal
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
