using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Reps;

public static class RepsByEmail
{
    /// <summary>
    /// The rep with this address, or a new one added (saved with the caller's next save) under <paramref name="displayName"/>,
    /// else the address. Looks among reps added in this unit of work too, so one address named twice is one rep.
    /// </summary>
    public static async Task<Rep> FindOrAddRepAsync(this SalesCoachDbContext db, string email, DateTimeOffset now, CancellationToken cancellationToken,
        string? displayName = null)
    {
        var address = EmailAddress.Normalize(email);
        return db.Reps.Local.FirstOrDefault(r => r.Email == address)
               ?? await db.Reps.FirstOrDefaultAsync(r => r.Email == address, cancellationToken)
               ?? db.Reps.Add(Rep.Create(displayName ?? address, address, now)).Entity;
    }
}
