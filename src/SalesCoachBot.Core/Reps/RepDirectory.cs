using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Reps;

/// <summary>Maps a channel account to its Rep, creating the Rep on first contact and joining accounts by e-mail.</summary>
public sealed class RepDirectory(SalesCoachDbContext db, TimeProvider clock)
{
    public async Task<Rep> IdentifyAsync(ChannelIdentity who, CancellationToken cancellationToken)
    {
        var account = await db.ChannelAccounts
            .FirstOrDefaultAsync(a => a.Channel == who.Channel && a.AccountId == who.AccountId, cancellationToken);
        if (account is not null)
        {
            var known = await db.Reps.SingleAsync(r => r.Id == account.RepId, cancellationToken);
            if (known.TimeZone is null && who.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(who.TimeZone, out _))
            {
                known.TimeZone = who.TimeZone;
                await db.SaveChangesAsync(cancellationToken);
            }
            return known;
        }

        var email = who.Email?.Trim().ToLowerInvariant();
        var rep = email is null ? null : await db.Reps.FirstOrDefaultAsync(r => r.Email == email, cancellationToken);
        rep ??= db.Reps.Add(new Rep
        {
            DisplayName = string.IsNullOrWhiteSpace(who.DisplayName) ? email ?? who.AccountId : who.DisplayName.Trim(),
            Email = email,
            CreatedAt = clock.GetUtcNow(),
            TimeZone = who.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(who.TimeZone, out _) ? who.TimeZone : null,
        }).Entity;
        rep.Accounts.Add(new ChannelAccount { Channel = who.Channel, AccountId = who.AccountId, TenantId = who.TenantId });
        await db.SaveChangesAsync(cancellationToken);
        return rep;
    }

    /// <summary>Sets the rep's time zone ("Asia/Jakarta"); null when no such zone is known.</summary>
    public async Task<TimeZoneInfo?> SetTimeZoneAsync(Rep rep, string zoneId, CancellationToken cancellationToken)
    {
        var id = zoneId.Trim();
        var match = TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => z.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (match is null && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out match))
            return null;
        rep.TimeZone = match.Id;
        await db.SaveChangesAsync(cancellationToken);
        return match;
    }
}
