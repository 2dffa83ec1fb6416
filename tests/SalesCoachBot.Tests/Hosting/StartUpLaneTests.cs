using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Background start-up work runs once the host has started, one piece at a time, what a rep needs first; not at all if cancelled first.</summary>
public sealed class StartUpLaneTests
{
    private readonly ApplicationLifetime lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    [Fact]
    public async Task NothingRunsBeforeTheHostHasStartedThenOnePieceRunsAtATime()
    {
        var lane = new StartUpLane(lifetime);
        var (running, mostAtOnce, done) = (0, 0, 0);
        var pieces = Enumerable.Range(0, 20).Select(i => lane.RunAsync((StartUpWork)(i % 4), async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            for (var step = 0; step < 5; step++)
                await Task.Yield(); // gives any other piece that was let in the time to start meanwhile
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }, CancellationToken.None)).ToList();

        await Task.Yield();
        Assert.Equal(0, Volatile.Read(ref mostAtOnce)); // the host is still starting

        lifetime.NotifyStarted();
        await Task.WhenAll(pieces).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(20, done);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task WhatARepsFirstTurnNeedsGoesFirstWhateverOrderThePiecesCameIn()
    {
        var lane = new StartUpLane(lifetime);
        var order = new List<StartUpWork>();
        var firstGoing = new TaskCompletionSource();
        var firstMayEnd = new TaskCompletionSource();
        Task Piece(StartUpWork work) => lane.RunAsync(work, async () =>
        {
            lock (order)
                order.Add(work);
            if (order.Count == 1)
            {
                firstGoing.SetResult();
                await firstMayEnd.Task;
            }
        }, CancellationToken.None);

        var pieces = new List<Task> { Piece(StartUpWork.StoredDataUpgrade), Piece(StartUpWork.Scheduler), Piece(StartUpWork.SlackEndpoint) };
        lifetime.NotifyStarted();
        await firstGoing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        pieces.Add(Piece(StartUpWork.Understanding)); // came last, while the first piece ran: next all the same
        firstMayEnd.SetResult();
        await Task.WhenAll(pieces).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([StartUpWork.SlackEndpoint, StartUpWork.Understanding, StartUpWork.Scheduler, StartUpWork.StoredDataUpgrade], order);
    }

    [Fact]
    public async Task APieceThatFailsPassesItsErrorOnAndFreesTheLane()
    {
        var lane = new StartUpLane(lifetime);
        lifetime.NotifyStarted();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => lane.RunAsync(StartUpWork.Scheduler, () => throw new InvalidOperationException("store gone"), CancellationToken.None));
        Assert.Equal("store gone", error.Message);

        var ran = false;
        await lane.RunAsync(StartUpWork.StoredDataUpgrade, () => { ran = true; return Task.CompletedTask; }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(ran);
    }

    [Fact]
    public async Task APieceCancelledBeforeItsTurnNeverRuns()
    {
        var lane = new StartUpLane(lifetime);
        using var stopping = new CancellationTokenSource();
        var ran = false;
        var piece = lane.RunAsync(StartUpWork.Understanding, () => { ran = true; return Task.CompletedTask; }, stopping.Token);

        await stopping.CancelAsync();
        lifetime.NotifyStarted();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => piece);
        Assert.False(ran);
    }

    [Fact]
    public async Task APieceAlreadyCancelledNeverRunsEvenOnAnIdleLane()
    {
        var lane = new StartUpLane(lifetime);
        lifetime.NotifyStarted();
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lane.RunAsync(StartUpWork.Understanding, () => { ran = true; return Task.CompletedTask; }, new CancellationToken(true)));

        Assert.False(ran);
    }

    [Fact]
    public async Task AHostedPieceTakesItsPlaceAsTheHostStartsNotWhenAThreadIsFree()
    {
        var lane = new StartUpLane(lifetime);
        var order = new List<StartUpWork>();
        var warmUp = new Work(lane, StartUpWork.Understanding, lifetime, () => { order.Add(StartUpWork.Understanding); return Task.CompletedTask; });

        await warmUp.StartAsync(CancellationToken.None);
        var scheduler = lane.RunAsync(StartUpWork.Scheduler, () => { order.Add(StartUpWork.Scheduler); return Task.CompletedTask; }, CancellationToken.None);
        lifetime.NotifyStarted();
        await scheduler.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([StartUpWork.Understanding, StartUpWork.Scheduler], order);
    }

    [Fact]
    public async Task AHostedPieceStoppedBeforeItsTurnNeverRunsAndStopsQuietly()
    {
        var lane = new StartUpLane(lifetime);
        var ran = false;
        var upgrade = new Work(lane, StartUpWork.StoredDataUpgrade, lifetime, () => { ran = true; return Task.CompletedTask; });

        await upgrade.StartAsync(CancellationToken.None);
        await upgrade.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        lifetime.NotifyStarted();
        await lane.RunAsync(StartUpWork.StoredDataUpgrade, () => Task.CompletedTask, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(ran);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task AHostedPieceThatFailsStopsTheHostAsAFailingBackgroundServiceWould()
    {
        var lane = new StartUpLane(lifetime);
        var warmUp = new Work(lane, StartUpWork.Understanding, lifetime, () => throw new FileNotFoundException("model.onnx"));
        var stopping = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStopping.Register(stopping.SetResult);

        await warmUp.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class Work(StartUpLane lane, StartUpWork kind, IHostApplicationLifetime lifetime, Func<Task> work)
        : StartUpLaneWork(lane, kind, lifetime, NullLogger.Instance)
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => work();
    }

    private static void InterlockedMax(ref int most, int value)
    {
        for (var seen = Volatile.Read(ref most); value > seen; seen = Volatile.Read(ref most))
            if (Interlocked.CompareExchange(ref most, value, seen) == seen)
                return;
    }
}
