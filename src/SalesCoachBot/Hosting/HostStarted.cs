namespace SalesCoachBot.Hosting;

public static class HostStarted
{
    /// <summary>Completes once the host has started and listens (on a thread-pool thread, not the one starting the host).</summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(cancellationToken);
    }
}
