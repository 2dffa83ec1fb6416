using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using SalesCoachBot.Hosting;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>Quartz is made and started once the host is listening, not on the start path, and shut down with the host.</summary>
public sealed class SchedulerLifetimeTests : IAsyncDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging()
        .AddQuartz(q => q.ConfigureScheduler(s => s.InstanceName = $"lifetime-{Guid.NewGuid():N}")).BuildServiceProvider();
    private readonly ApplicationLifetime lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private SchedulerLifetime Lifetime() => new(services.GetRequiredService<ISchedulerFactory>(), services, lifetime, new StartUpLane(lifetime), NullLogger<SchedulerLifetime>.Instance);

    private async Task<IReadOnlyCollection<IScheduler>> SchedulersAsync() => await services.GetRequiredService<ISchedulerFactory>().GetAllSchedulers();

    [Fact]
    public async Task TheSchedulerStartsOnceTheHostHasStartedAndShutsDownWithIt()
    {
        var scheduler = Lifetime();
        await scheduler.StartAsync(CancellationToken.None);
        Assert.Empty(await SchedulersAsync()); // not made while the host is still starting

        Assert.False(scheduler.Running.IsCompleted); // nothing may use it yet

        lifetime.NotifyStarted();
        var running = await scheduler.Running.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(SchedulerStatus.Running, running.Status);
        Assert.Same(running, (await SchedulersAsync()).Single());

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Empty(await SchedulersAsync()); // shut down, so gone from the repository
    }

    [Fact]
    public async Task AHostStoppedBeforeItFinishedStartingNeverStartsTheScheduler()
    {
        var scheduler = Lifetime();
        await scheduler.StartAsync(CancellationToken.None);

        await scheduler.StopAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        Assert.Empty(await SchedulersAsync());
        Assert.False(scheduler.Running.IsCompleted);
    }
}
