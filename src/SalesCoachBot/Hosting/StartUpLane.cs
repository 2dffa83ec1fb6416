namespace SalesCoachBot.Hosting;

/// <summary>
/// The work a host does in the background once it listens — making and starting the scheduler, upgrading data stored
/// by earlier versions, warming the recognizers and the Slack endpoint — done one piece at a time. Run all at once, on
/// a small host (two cores) they took every core from the first requests; one at a time, a core stays free for them.
/// No request waits for this work.
/// </summary>
public sealed class StartUpLane(IHostApplicationLifetime lifetime)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>
    /// Runs <paramref name="work"/> once the host has started and no other piece of start-up work is running.
    /// Cancelled before its turn, it never runs (<see cref="OperationCanceledException"/>).
    /// </summary>
    public async Task RunAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await lifetime.WhenStartedAsync(cancellationToken);
        await turn.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            turn.Release();
        }
    }
}
