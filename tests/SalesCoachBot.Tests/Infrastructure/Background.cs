namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Waits for work a host does on its own (turns run from the inbox, leases taken), checking every 20 ms for at most 90 s
/// (on a fresh machine a first turn waits for the understanding model to be trained, while other tests compete for the cores).</summary>
public static class Background
{
    public static async Task UntilAsync(Func<CancellationToken, Task<bool>> done, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (!await done(patience.Token))
                await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"Never saw {what}.");
        }
    }
}
