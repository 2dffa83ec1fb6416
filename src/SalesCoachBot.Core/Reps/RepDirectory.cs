using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Reps;

/// <summary>Maps a channel account to its Rep, creating the Rep on first contact and joining accounts by e-mail.</summary>
public sealed class RepDirectory(SalesCoachDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromHours(1);

    public async Task<Rep> IdentifyAsync(ChannelIdentity who, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await db.ChannelAccounts
            .FirstOrDefaultAsync(a => a.Channel == who.Channel && a.AccountId == who.AccountId, cancellationToken);
        Rep rep;
        if (account is not null)
            rep = await db.Reps.SingleAsync(r => r.Id == account.RepId, cancellationToken);
        else
        {
            var email = who.Email?.Trim().ToLowerInvariant();
            rep = (email is null ? null : await db.Reps.FirstOrDefaultAsync(r => r.Email == email, cancellationToken))
                  ?? db.Reps.Add(new Rep
                  {
                      DisplayName = string.IsNullOrWhiteSpace(who.DisplayName) ? email ?? who.AccountId : who.DisplayName.Trim(),
                      Email = email,
                      CreatedAt = now,
                  }).Entity;
            account = new ChannelAccount { Channel = who.Channel, AccountId = who.AccountId, TenantId = who.TenantId };
            rep.Accounts.Add(account);
        }

        rep.TimeZone ??= who.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(who.TimeZone, out _) ? who.TimeZone : null;
        // "Last seen" only picks the channel to reach a rep on, so an hourly mark is enough: most messages write nothing here.
        if (account.LastSeenAt is null || now - account.LastSeenAt > SeenGranularity)
            account.LastSeenAt = now;
        if (who.Address is not null && (who.Address != account.Address || account.UnreachableAt is not null))
            (account.Address, account.UnreachableAt) = (who.Address, null);
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
        return rep;
    }

    /// <summary>Sets the rep's time zone ("Asia/Jakarta"); null when no such zone is known.</summary>
    public async Task<TimeZoneInfo?> SetTimeZoneAsync(Rep rep, string zoneId, CancellationToken cancellationToken)
    {
        if (TimeZoneNames.Find(zoneId) is not { } match)
            return null;
        rep.TimeZone = match.Id;
        await db.SaveChangesAsync(cancellationToken);
        return match;
    }
}
