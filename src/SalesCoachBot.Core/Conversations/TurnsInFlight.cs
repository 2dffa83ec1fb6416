namespace SalesCoachBot.Conversations;

/// <summary>How many chat turns this host is answering right now: background work gives way while there are some.</summary>
/// <remarks>Exists because the stall sweep over every rep's deals runs on the hosts that answer chat; it can go when
/// sweeps run on a host of their own.</remarks>
public sealed class TurnsInFlight
{
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>
    /// How long background work that just spent <paramref name="work"/> at the turns' own priority waits before its
    /// next step: as long again while turns are in flight (they get at least half the machine), none when idle.
    /// </summary>
    public TimeSpan PauseAfter(TimeSpan work) => Count > 0 ? work : TimeSpan.Zero;

    public Scope Enter()
    {
        Interlocked.Increment(ref count);
        return new Scope(this);
    }

    public readonly struct Scope(TurnsInFlight turns) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref turns.count);
    }
}
