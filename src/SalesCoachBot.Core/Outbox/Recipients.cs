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

    public static Task<bool> CanReachAsync(SalesCoachDbContext db, long repId, CancellationToken cancellationToken) =>
        db.RepAccounts.AnyAsync(a => a.RepId == repId && a.Address != null && a.UnreachableAt == null, cancellationToken);

    /// <summary>Why each of <paramref name="repIds"/> can't be reached unprompted, in words for whoever runs the bot.</summary>
    public static async Task<Dictionary<long, string>> WhyUnreachableAsync(SalesCoachDbContext db, IReadOnlyCollection<long> repIds, CancellationToken cancellationToken)
    {
        var refused = await db.RepAccounts.AsNoTracking().Where(a => repIds.Contains(a.RepId) && a.Address != null && a.UnreachableAt != null).ToListAsync(cancellationToken);
        return repIds.ToDictionary(id => id, id => refused.Where(a => a.RepId == id).MaxBy(a => a.UnreachableAt) is { } account
            ? $"{account.Channel} refused delivery on {account.UnreachableAt:yyyy-MM-dd}; it goes out once they message me there again"
            : "they have never messaged me in Teams or Slack, where these go out");
    }
}
