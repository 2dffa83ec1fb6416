namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack deliveries this host is acknowledging. Slack retries what is not acknowledged within 3 s and a burst's
/// answers are wanted in seconds, not milliseconds: a stored turn waits, briefly, until the deliveries arriving
/// have been acknowledged (none in progress and none for <see cref="Quiet"/>) before it takes the CPU they need.
/// It runs on the machine's clock, not the bot's: a test's frozen clock must not hold turns.
/// </summary>
public sealed class AcknowledgementsInFlight(TimeProvider clock)
{
    /// <summary>How long without an acknowledgement counts as the burst being over (the next delivery of a burst comes sooner).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest a turn waits: under steady traffic turns run anyway, this much later.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private int count;
    private long? lastEnded;
    private TaskCompletionSource? none;

    public Scope Enter()
    {
        lock (gate)
            count++;
        return new Scope(this);
    }

    /// <summary>Completes once no acknowledgement has been in progress for <see cref="Quiet"/>, or after <see cref="Patience"/>.</summary>
    public async Task WhenQuietAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            Task? busy = null;
            var quietFor = TimeSpan.MaxValue;
            lock (gate)
            {
                if (count > 0)
                    busy = (none ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                else if (lastEnded is { } ended)
                    quietFor = clock.GetElapsedTime(ended);
            }
            var left = Patience - clock.GetElapsedTime(started);
            if ((busy is null && quietFor >= Quiet) || left <= TimeSpan.Zero)
                return;
            if (busy is null)
                await Task.Delay(Min(Quiet - quietFor, left), clock, cancellationToken);
            else
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(busy, Task.Delay(left, clock, stop.Token));
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (gate)
        {
            lastEnded = clock.GetTimestamp();
            if (--count == 0)
                (idle, none) = (none, null);
        }
        idle?.TrySetResult();
    }

    public readonly struct Scope(AcknowledgementsInFlight acknowledgements) : IDisposable
    {
        public void Dispose() => acknowledgements.Exit();
    }
}
