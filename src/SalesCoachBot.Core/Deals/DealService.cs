using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Deals;

/// <summary>A rep's deals: create, list, find by name, move between stages and undo a move.</summary>
public sealed class DealService(SalesCoachDbContext db, TimeProvider clock)
{
    public async Task<Deal?> FindOpenByExactNameAsync(Rep owner, string name, CancellationToken cancellationToken) =>
        (await OpenDealsAsync(owner, cancellationToken))
            .FirstOrDefault(d => string.Equals(d.Name, NameText.Clean(name), StringComparison.OrdinalIgnoreCase));

    public async Task<Deal> CreateAsync(Rep owner, NewDeal details, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deal = Deal.Open(details.Name, details.Value, owner, now);
        deal.Account = details.Account ?? details.Name;
        deal.ExpectedCloseDate = details.ExpectedClose;
        if (details.Stage is { } stage && stage != DealStage.Prospecting)
            deal.MoveTo(stage, now);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    public Task<Deal?> GetAsync(Rep owner, long id, CancellationToken cancellationToken) =>
        db.Deals.FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == owner.Id, cancellationToken);

    /// <summary>Records why a deal was won or lost, on the deal and on the move that closed it.</summary>
    public async Task SetCloseReasonAsync(Deal deal, long stageChangeId, string reason, CancellationToken cancellationToken)
    {
        deal.CloseReason = reason;
        if (await db.StageChanges.FirstOrDefaultAsync(c => c.Id == stageChangeId && c.DealId == deal.Id, cancellationToken) is { } change)
            change.Reason = reason;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a deal just created by mistake, if nothing has been recorded on it since.</summary>
    public async Task<Deal?> UndoCreateAsync(Rep owner, long dealId, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.Include(d => d.StageHistory).FirstOrDefaultAsync(d => d.Id == dealId && d.OwnerId == owner.Id, cancellationToken);
        if (deal is null || deal.StageHistory.Count > 2 || await db.Interactions.AnyAsync(i => i.DealId == dealId, cancellationToken))
            return null;
        db.Deals.Remove(deal);
        return await SavedUnlessChangedMeanwhileAsync(cancellationToken) ? deal : null;
    }

    // Two undos of one change at the same moment: the second finds its rows already gone and undoes nothing.
    private async Task<bool> SavedUnlessChangedMeanwhileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Changes what was given and says what changed ("amount $40,000 → $50,000").</summary>
    public async Task<string> EditAsync(Deal deal, Money? value, DateOnly? expectedClose, string? name, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        if (value is { } money)
        {
            changes.Add($"amount {deal.Value?.ToString() ?? "not set"} → {money}");
            (deal.Amount, deal.Currency) = (money.Amount, money.Currency);
        }
        if (expectedClose is { } close)
        {
            changes.Add($"expected close {deal.ExpectedCloseDate?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "not set"} → {close.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}");
            deal.ExpectedCloseDate = close;
        }
        if (name is not null)
        {
            changes.Add($"name {deal.Name} → {name}");
            if (deal.Account == deal.Name)
                deal.Account = name;
            deal.Name = name;
        }
        await db.SaveChangesAsync(cancellationToken);
        return string.Join("; ", changes);
    }

    /// <summary>Puts back the values a deal had before an edit.</summary>
    public async Task<Deal?> RestoreAsync(Rep owner, Conversations.UndoableChange.Edited before, CancellationToken cancellationToken)
    {
        if (await GetAsync(owner, before.DealId, cancellationToken) is not { } deal)
            return null;
        (deal.Name, deal.Account, deal.Amount, deal.Currency, deal.ExpectedCloseDate) = (before.Name, before.Account, before.Amount, before.Currency, before.ExpectedClose);
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    /// <summary>The open stage a closed deal was in before it closed (Prospecting if unknown).</summary>
    public async Task<DealStage> StageBeforeCloseAsync(Deal deal, CancellationToken cancellationToken)
    {
        var last = await db.StageChanges.Where(c => c.DealId == deal.Id && c.From != null && c.From != DealStage.Won && c.From != DealStage.Lost)
            .OrderByDescending(c => c.Id).Select(c => c.From).FirstOrDefaultAsync(cancellationToken);
        return last ?? DealStage.Prospecting;
    }

    /// <summary>Hides a deal and everything recorded on it (reminders included) until it is restored or purged.</summary>
    public async Task DeleteAsync(Deal deal, CancellationToken cancellationToken)
    {
        deal.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Brings back a deal the rep deleted, with its history, activities and reminders.</summary>
    public async Task<Deal?> RestoreDeletedAsync(Rep owner, long dealId, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == dealId && d.OwnerId == owner.Id && d.DeletedAt != null, cancellationToken);
        if (deal is null)
            return null;
        deal.DeletedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    /// <summary>Removes for good the deals deleted longer ago than <paramref name="age"/>.</summary>
    public Task<int> PurgeDeletedAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - age;
        return db.Deals.IgnoreQueryFilters().Where(d => d.DeletedAt != null && d.DeletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Deal>> OpenDealsAsync(Rep owner, CancellationToken cancellationToken)
    {
        var deals = await db.Deals
            .Where(d => d.OwnerId == owner.Id).Where(Deal.IsOpen)
            .ToListAsync(cancellationToken);
        return [.. deals.OrderBy(d => d.Stage).ThenBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id)];
    }

    /// <summary>Looks among open deals first; a closed deal is found only when no open one matches.</summary>
    public async Task<DealMatch> FindAsync(Rep owner, string query, CancellationToken cancellationToken)
    {
        var open = await OpenDealsAsync(owner, cancellationToken);
        var match = DealMatcher.Match(query, open);
        if (match is not DealMatch.None)
            return match;
        var closed = await db.Deals
            .Where(d => d.OwnerId == owner.Id).Where(Deal.IsClosed)
            .ToListAsync(cancellationToken);
        return DealMatcher.Match(query, closed);
    }

    public async Task<StageMove> MoveAsync(Deal deal, DealStage stage, CancellationToken cancellationToken)
    {
        var before = new StageMove(deal.Id, 0, deal.Stage, stage, deal.LastActivityAt, deal.ClosedAt) { PreviousCloseReason = deal.CloseReason };
        var change = deal.MoveTo(stage, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return before with { StageChangeId = change.Id };
    }

    /// <summary>Reverts a move if the deal has not moved since; the mistaken step leaves the stage history.</summary>
    public async Task<Deal?> UndoAsync(Rep owner, StageMove move, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.Include(d => d.StageHistory)
            .FirstOrDefaultAsync(d => d.Id == move.DealId && d.OwnerId == owner.Id, cancellationToken);
        var change = deal?.StageHistory.FirstOrDefault(c => c.Id == move.StageChangeId);
        if (deal is null || change is null || deal.Stage != move.To || deal.StageHistory.Any(c => c.Id > change.Id))
            return null;

        deal.StageHistory.Remove(change);
        deal.Stage = move.From;
        deal.LastActivityAt = move.PreviousLastActivityAt;
        deal.ClosedAt = move.PreviousClosedAt;
        deal.CloseReason = move.PreviousCloseReason;
        return await SavedUnlessChangedMeanwhileAsync(cancellationToken) ? deal : null;
    }
}
