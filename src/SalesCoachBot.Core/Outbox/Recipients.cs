using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Outbox;

/// <summary>Where each rep can be reached unprompted: the channel they used last that still delivers.</summary>
public static class Recipients
{
    public static async Task<Dictionary<long, RepAccount>> ReachableAsync(SalesCoachDbContext db, CancellationToken cancellationToken)
    {
        // Untracked: read only, and a sweep that then saves thousands of rows should not check every account for changes.
        var accounts = await db.RepAccounts.AsNoTracking().Where(a => a.Address != null && a.UnreachableAt == null).ToListAsync(cancellationToken);
        return accounts.GroupBy(a => a.RepId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.LastSeenAt).First());
    }
}
