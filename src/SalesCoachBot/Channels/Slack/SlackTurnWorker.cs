using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Runs stored Slack turns: up to <see cref="SlackOptions.Workers"/> lanes at once, each lane in order,
/// whichever host leases it. On a stop it takes nothing new, lets the turns it runs finish within the
/// host's shutdown timeout, and gives back the rest.
/// </summary>
public sealed class SlackTurnWorker(Inbox inbox, InboxSignal signal, SlackAdapter adapter, AcknowledgementsInFlight acknowledgements,
    IOptions<SlackOptions> options, DatabaseOutages outages, TimeProvider time, ILogger<SlackTurnWorker> logger)
    : BackgroundService
{
    /// <summary>How often the inbox is looked at without a wake-up: lanes another host gave up, leases run out.</summary>
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Task> lanes = new();
    private readonly CancellationTokenSource abort = new();
    private volatile bool stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        try
        {
            await inbox.ReleaseAsync(stoppingToken); // what this host held before a restart did not finish
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Claiming is a write and a query per lane: it too waits for a burst's acknowledgements.
                    await acknowledgements.WhenQuietAsync(stoppingToken);
                    while (lanes.Count < options.Value.Workers && await inbox.ClaimNextAsync([.. lanes.Keys], stoppingToken) is { } message)
                        Start(message);
                    outages.Answered();
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Reading the Slack inbox failed; trying again shortly");
                }
                await inbox.WaitAsync(Round, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        await base.StopAsync(cancellationToken);
        if (!options.Value.Enabled)
            return;
        await using (cancellationToken.Register(Abort))
            await Task.WhenAll(lanes.Values);
        try
        {
            await inbox.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning("Could not give back this host's inbox leases ({Error}); they run out by themselves", e.Message);
        }
    }

    // The shutdown time ran out: cancel the turns still running. The host may already have disposed this service.
    private void Abort()
    {
        try
        {
            abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public override void Dispose()
    {
        abort.Dispose();
        base.Dispose();
    }

    private void Start(InboxMessage first)
    {
        var run = new TaskCompletionSource();
        lanes[first.Lane] = run.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunLaneAsync(first);
            }
            finally
            {
                lanes.TryRemove(first.Lane, out _);
                run.SetResult();
                signal.Wake(); // a worker is free
            }
        });
    }

    private async Task RunLaneAsync(InboxMessage first)
    {
        for (var message = first; message is not null && !abort.IsCancellationRequested;)
        {
            try
            {
                await acknowledgements.WhenQuietAsync(abort.Token);
                using (InboxTurn.Begin(message.Id, time))
                    if (message.AppliedAt is null)
                        await adapter.ProcessAsync(SlackInbox.Read(message), abort.Token);
                    else // its changes were saved before its host stopped or lost the database: they are not made twice
                        await adapter.AnswerAgainAsync(SlackInbox.Read(message), message.AnswerJson, abort.Token);
                await CompleteAsync(message, null);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return; // the host is stopping: the lease is given back, another host runs it
            }
            catch (Exception e)
            {
                logger.LogError(e, "Slack turn {InboxId} failed", message.Id);
                await CompleteAsync(message, e.Message);
            }
            if (stopping)
                return; // take nothing new
            try
            {
                message = await inbox.ClaimNextInLaneAsync(message.Lane, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug("Claiming the next Slack turn of a lane failed ({Error}); a later round takes it", e.Message);
                return;
            }
        }
    }

    // The database may be away for a moment just as a turn ends, its changes saved and its answer sent: keep trying
    // for half a lease, so that no other host takes the turn up again meanwhile.
    private async Task CompleteAsync(InboxMessage message, string? error)
    {
        var giveUpAt = time.GetUtcNow() + Inbox.Lease / 2;
        for (var wait = TimeSpan.FromMilliseconds(250); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await inbox.CompleteAsync(message.Id, error, CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && time.GetUtcNow() + wait < giveUpAt && !abort.IsCancellationRequested)
            {
                logger.LogDebug("Marking Slack turn {InboxId} done failed ({Error}); trying again", message.Id, e.Message);
            }
            try
            {
                await Task.Delay(wait, time, abort.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the host is stopping: a turn that saved its changes is not run again (InboxTurn)
            }
        }
    }
}
