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

    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        Task.WhenAny(signal.WaitAsync(cancellationToken), Task.Delay(timeout, time, cancellationToken));
}
