using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Conversations;

/// <summary>
/// One turn at a time per conversation memory, across hosts: a turn reads the memory, acts and writes it back, so
/// two at once would each act on what the other is about to overwrite (an undo for one of five new deals, a card
/// replaced without a word). Turns of this host wait in-process; then the database's lock keeps other hosts out.
/// </summary>
public sealed class ConversationLocks(IDbContextFactory<SalesCoachDbContext> contexts)
{
    private readonly Dictionary<string, Gate> gates = [];

    private sealed class Gate
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Users;
    }

    public async Task<IAsyncDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(key, out gate!))
                gates[key] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, gate, entered: false);
            throw;
        }
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return new Held(this, key, gate, await db.Dialect().LockConversationAsync(db, key, cancellationToken));
        }
        catch
        {
            Leave(key, gate, entered: true);
            throw;
        }
    }

    private void Leave(string key, Gate gate, bool entered)
    {
        if (entered)
            gate.Turn.Release();
        lock (gates)
            if (--gate.Users == 0)
                gates.Remove(key);
    }

    private sealed class Held(ConversationLocks owner, string key, Gate gate, IAsyncDisposable? shared) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (shared is not null)
                    await shared.DisposeAsync();
            }
            finally
            {
                owner.Leave(key, gate, entered: true);
            }
        }
    }
}
