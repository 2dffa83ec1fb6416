namespace SalesCoachBot.Queues;

/// <summary>This host among the hosts sharing one database: who holds a lease (outbox, inbox, scheduler).</summary>
/// <param name="Id">Stable across restarts of the same host, so a restarted host takes back at once what it held.</param>
public sealed record HostInstance(string Id)
{
    public static HostInstance FromMachine() => new(Environment.MachineName);
}
