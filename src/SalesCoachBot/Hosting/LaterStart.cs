namespace SalesCoachBot.Hosting;

/// <summary>Starts the services <see cref="AfterListening"/> set aside once the host has started, and stops them in reverse order.</summary>
internal sealed class LaterStart(LaterServices descriptors, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<LaterStart> logger)
    : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task starting = Task.CompletedTask;

    /// <summary>The services started so far, in order; complete once <see cref="Starting"/> is.</summary>
    public IReadOnlyList<IHostedService> Started => started;

    /// <summary>Completes when every service has started (or starting was given up).</summary>
    public Task Starting => starting;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(listening.SetResult);
        starting = StartAllAsync(listening.Task);
        return Task.CompletedTask;
    }

    private async Task StartAllAsync(Task listening)
    {
        await listening.WaitAsync(stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var descriptor in descriptors)
        {
            if (stopping.IsCancellationRequested)
                return;
            IHostedService? service = null;
            try
            {
                service = (IHostedService)(descriptor.ImplementationInstance
                    ?? descriptor.ImplementationFactory?.Invoke(services)
                    ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
                if (service is IHostedLifecycleService starting)
                    await starting.StartingAsync(stopping.Token);
                await service.StartAsync(stopping.Token);
                if (service is IHostedLifecycleService startedService)
                    await startedService.StartedAsync(stopping.Token);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogCritical(e, "{Service} could not start; stopping the host", service?.GetType().Name ?? descriptor.ImplementationType?.Name);
                lifetime.StopApplication();
                return;
            }
            started.Add(service);
            if (service is BackgroundService { ExecuteTask: { } running })
                _ = running.ContinueWith(t => Failed(service, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    // As the host does for its own background services: one that fails stops the host.
    private void Failed(IHostedService service, Exception e)
    {
        logger.LogCritical(e, "{Service} failed; stopping the host", service.GetType().Name);
        lifetime.StopApplication();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        for (var i = started.Count - 1; i >= 0; i--)
        {
            if (started[i] is IHostedLifecycleService lifecycle)
                await lifecycle.StoppingAsync(cancellationToken);
            await started[i].StopAsync(cancellationToken);
            if (started[i] is IHostedLifecycleService stopped)
                await stopped.StoppedAsync(cancellationToken);
        }
        foreach (var service in started.OfType<IDisposable>())
            service.Dispose();
    }
}
