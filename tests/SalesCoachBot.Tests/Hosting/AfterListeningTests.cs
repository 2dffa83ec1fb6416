using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Background work set aside with AddAfterListening starts once the host has started, in order, and stops in reverse order.</summary>
public sealed class AfterListeningTests
{
    [Fact]
    public async Task ServicesStartInOrderOnceTheHostHasStartedAndStopInReverse()
    {
        var events = new List<string>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAfterListening(services => services
            .AddSingleton<IHostedService>(new Recording("first", events))
            .AddSingleton<IHostedService>(new Recording("second", events)));
        builder.Services.AddHostedService(_ => new Recording("at start", events));
        using var host = builder.Build();
        Recording.Lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await host.StartAsync();
        await host.Services.GetServices<IHostedService>().OfType<LaterStart>().Single().Starting;
        await host.StopAsync();

        Assert.Equal(["start at start before the host started", "start first after the host started", "start second after the host started", "stop at start", "stop second", "stop first"], events);
    }

    [Fact]
    public async Task OneThatCannotStartStopsTheHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAfterListening(services => services.AddSingleton<IHostedService>(new Recording("broken", [], fail: true)));
        using var host = builder.Build();

        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stopping.IsCancellationRequested);
    }

    private sealed class Recording(string name, List<string> events, bool fail = false) : IHostedService
    {
        public static IHostApplicationLifetime? Lifetime { get; set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (fail)
                throw new InvalidOperationException($"{name} cannot start");
            var when = Lifetime?.ApplicationStarted.IsCancellationRequested == true ? "after" : "before";
            lock (events)
                events.Add($"start {name} {when} the host started");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            lock (events)
                events.Add($"stop {name}");
            return Task.CompletedTask;
        }
    }
}
