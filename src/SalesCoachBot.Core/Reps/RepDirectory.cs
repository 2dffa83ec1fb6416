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
        var account = await db.RepAccounts
            .FirstOrDefaultAsync(a => a.Channel == who.Channel && a.AccountId == who.AccountId, cancellationToken);
        Rep rep;
        if (account is not null)
            rep = await db.Reps.SingleAsync(r => r.Id == account.RepId, cancellationToken);
        else
        {
            var name = string.IsNullOrWhiteSpace(who.DisplayName) ? null : who.DisplayName.Trim();
            rep = who.VerifiedEmail is { } email
                ? await db.FindOrAddRepAsync(email, now, cancellationToken, name)
                : db.Reps.Add(Rep.Create(name ?? who.AccountId, null, now)).Entity;
            account = new RepAccount { Channel = who.Channel, AccountId = who.AccountId, TenantId = who.TenantId };
            rep.Accounts.Add(account);
        }

        rep.TimeZone ??= who.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(who.TimeZone, out _) ? who.TimeZone : null;
        rep.Language ??= Languages.LanguageCodes.FromLocale(who.Locale);
        // "Last seen" only picks the channel to reach a rep on, so an hourly mark is enough: most messages write nothing here.
        if (account.LastSeenAt is null || now - account.LastSeenAt > SeenGranularity)
            account.LastSeenAt = now;
        if (who.Address is not null && (who.Address != account.Address || account.UnreachableAt is not null))
            (account.Address, account.UnreachableAt) = (who.Address, null);
        if (!db.ChangeTracker.HasChanges())
            return rep;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(account).State == EntityState.Added)
        {
            // A new rep's first turns can arrive together (a message and a card press): each adds the account, and the
            // unique (Channel, AccountId) index keeps the first. This turn lets go of what it added and takes the stored ones.
            LetGo(rep, account);
            if (!await db.RepAccounts.AnyAsync(a => a.Channel == who.Channel && a.AccountId == who.AccountId, cancellationToken))
                throw;
            return await IdentifyAsync(who, cancellationToken);
        }
        return rep;
    }

    private void LetGo(Rep rep, RepAccount account)
    {
        rep.Accounts.Remove(account);
        db.Entry(account).State = EntityState.Detached;
        if (db.Entry(rep).State == EntityState.Added)
            db.Entry(rep).State = EntityState.Detached;
    }

    /// <summary>
    /// Gives a rep known only by name (as a CRM import knows them) their e-mail address, so their deals are
    /// theirs when they first message the bot. A message saying why not when the name is not one such rep,
    /// or the address is already someone's. Linked is true when the rep has that address now, also when they had it before.
    /// </summary>
    public async Task<(bool Linked, string Message)> LinkEmailAsync(string name, string email, CancellationToken cancellationToken)
    {
        var (key, address) = (name.Trim().ToLowerInvariant(), EmailAddress.Normalize(email));
        if (!EmailAddress.IsAddress(address))
            return (false, $"\"{email}\" is not an e-mail address.");
        if (await db.Reps.FirstOrDefaultAsync(r => r.Email == address, cancellationToken) is { } owner)
            return owner.DisplayName.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)
                ? (true, $"{owner.DisplayName} is already linked to {address}.")
                : (false, $"{address} already belongs to {owner.DisplayName}; nothing changed.");
        var named = await db.Reps.Where(r => r.DisplayName.ToLower() == key && r.Email == null).ToListAsync(cancellationToken);
        if (named is not [var rep])
            return (false, named.Count == 0 ? $"No rep without an e-mail address is called {name.Trim()}." : $"{named.Count} reps are called {name.Trim()}; nothing changed.");
        rep.Email = address;
        await db.SaveChangesAsync(cancellationToken);
        return (true, $"Linked {rep.DisplayName} to {address}.");
    }

    /// <summary>
    /// Takes a channel account away from its rep, audited in <paramref name="actor"/>'s name: its next message makes it a rep
    /// of its own, or joins it to whoever its channel then vouches for by e-mail. A message saying what happened.
    /// </summary>
    public async Task<(bool Done, string Message)> UnlinkAsync(string channel, string accountId, string actor, CancellationToken cancellationToken)
    {
        (channel, accountId) = (channel.Trim().ToLowerInvariant(), accountId.Trim());
        if (await db.RepAccounts.FirstOrDefaultAsync(a => a.Channel == channel && a.AccountId == accountId, cancellationToken) is not { } account)
            return (false, $"No {channel} account {accountId} belongs to a rep; nothing changed.");
        var rep = await db.Reps.SingleAsync(r => r.Id == account.RepId, cancellationToken);
        var change = $"unlinked {channel} account {accountId} from {rep.Email ?? rep.DisplayName}";
        db.RepAccounts.Remove(account);
        db.Audit.Add(new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Channel = "command line", Change = change });
        await db.SaveChangesAsync(cancellationToken);
        return (true, char.ToUpperInvariant(change[0]) + change[1..] + ".");
    }

    /// <summary>Remembers the language the bot speaks to the rep in.</summary>
    public async Task SetLanguageAsync(Rep rep, Languages.Language language, CancellationToken cancellationToken)
    {
        if (rep.Language == language)
            return;
        rep.Language = language;
        await db.SaveChangesAsync(cancellationToken);
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
