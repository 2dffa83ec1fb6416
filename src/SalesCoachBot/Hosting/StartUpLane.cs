using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Hosting;

/// <summary>The background start-up work, in the order it runs when several pieces wait: what a rep's first turn needs first.</summary>
public enum StartUpWork
{
    Understanding,
    SlackEndpoint,
    Scheduler,
    StoredDataUpgrade,
}

/// <summary>
/// The work a host does in the background once it listens — warming the recognizers and the Slack endpoint, making and
/// starting the scheduler, upgrading data stored by earlier versions — done one piece at a time. Run all at once, on a
/// small host (two cores) they took every core from the first requests; one at a time, a core stays free for them.
/// No request waits for this work.
/// </summary>
/// <remarks>It can go once start-up work no longer competes with requests for the cores: on hosts with cores to spare,
/// or when the recognizers load a prepared snapshot and the scheduler's schema is provisioned before the host starts.</remarks>
public sealed class StartUpLane
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<TaskCompletionSource, (StartUpWork Work, long Arrival)> waiting = new();
    private long arrivals;
    private bool started;
    private bool busy;

    public StartUpLane(IHostApplicationLifetime lifetime) => lifetime.ApplicationStarted.Register(() =>
    {
        lock (gate)
            started = true;
        GiveNextTurn();
    });

    /// <summary>
    /// Runs <paramref name="work"/> once the host has started and no other piece of start-up work is running.
    /// Cancelled before its turn, it never runs (<see cref="OperationCanceledException"/>).
    /// </summary>
    public async Task RunAsync(StartUpWork kind, Func<Task> work, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
            waiting.Enqueue(turn, (kind, arrivals++));
        using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
        {
            GiveNextTurn();
            await turn.Task; // a turn given and a cancellation race: whichever settles the task first wins
        }
        try
        {
            await work();
        }
        finally
        {
            lock (gate)
                busy = false;
            GiveNextTurn();
        }
    }

    private void GiveNextTurn()
    {
        lock (gate)
        {
            if (!started || busy)
                return;
            while (waiting.TryDequeue(out var turn, out _))
                if (turn.TrySetResult()) // not if cancelled meanwhile
                {
                    busy = true;
                    return;
                }
        }
    }
}

/// <summary>
/// A piece of background start-up work as a hosted service. It takes its place on the <see cref="StartUpLane"/> while
/// the host starts (a <see cref="BackgroundService"/> would only begin on the thread pool, perhaps after the lane's
/// first turn was given), runs in its turn, and is cancelled when the host stops. Work that fails stops the host, as a
/// failing <see cref="BackgroundService"/> does; work that may fail harmlessly catches its own errors.
/// </summary>
public abstract class StartUpLaneWork(StartUpLane lane, StartUpWork kind, IHostApplicationLifetime lifetime, ILogger logger) : IHostedService
{
    // Not disposed: it has no timer, and a stop that comes after the container disposed this service must still cancel it.
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = RunAsync();
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        try
        {
            await lane.RunAsync(kind, () => ExecuteAsync(stopping.Token), stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Start-up work {Work} failed; stopping the host", kind);
            lifetime.StopApplication();
        }
    }

    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

public static class StartUpLaneSetup
{
    /// <summary>Adds <typeparamref name="TWork"/> as a hosted service (and as itself), and the lane it runs on if not there yet.</summary>
    public static IServiceCollection AddStartUpLaneWork<TWork>(this IServiceCollection services) where TWork : StartUpLaneWork
    {
        services.TryAddSingleton<StartUpLane>();
        services.TryAddSingleton<TWork>();
        return services.AddHostedService(provider => provider.GetRequiredService<TWork>());
    }
}
