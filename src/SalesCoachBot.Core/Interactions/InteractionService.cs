using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Interactions;

/// <summary>Records a touch point on a deal, moves its last activity, and keeps a dated next step as a follow-up.</summary>
public sealed class InteractionService(SalesCoachDbContext db, TimeProvider clock, IScheduleChanges schedule)
{
    /// <summary>How long ago the same summary was logged on the deal, if within <paramref name="window"/>.</summary>
    public async Task<TimeSpan?> SameLoggedWithinAsync(long dealId, string summary, TimeSpan window, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - window;
        var recent = await db.Interactions.AsNoTracking().Where(i => i.DealId == dealId && i.Summary == summary)
            .Select(i => i.RecordedAt).ToListAsync(cancellationToken);
        var latest = recent.Where(at => at >= since).DefaultIfEmpty().Max();
        return latest == default ? null : clock.GetUtcNow() - latest;
    }

    /// <summary>Saves a touch point; a next step on it takes the place of the deal's earlier ones unless it adds to them, and those are returned for undo.</summary>
    public async Task<(Interaction Interaction, FollowUp? FollowUp, IReadOnlyList<SavedStep> Replaced)> LogAsync(Rep rep, Deal deal, LoggedInteraction logged, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interaction = new Interaction
        {
            DealId = deal.Id,
            RepId = rep.Id,
            Kind = logged.Kind,
            OccurredAt = logged.OccurredAt,
            Summary = logged.Summary,
            NextStep = logged.NextStep,
            RecordedAt = now,
        };
        db.Interactions.Add(interaction);
        if (logged.OccurredAt > deal.LastActivityAt)
            deal.LastActivityAt = logged.OccurredAt > now ? now : logged.OccurredAt;

        FollowUp? followUp = null, added = null;
        var replaced = new List<SavedStep>();
        if (logged.NextStep is { } step)
        {
            var earlier = await db.FollowUps.Where(f => f.DealId == deal.Id).ToListAsync(cancellationToken);
            // The same call logged twice keeps one follow-up, so it reminds once.
            if (logged.NextStepDueOn is { } dueOn && (followUp = earlier.FirstOrDefault(f => f.DueOn == dueOn && string.Equals(f.Note, step, StringComparison.OrdinalIgnoreCase))) is null)
                db.FollowUps.Add(followUp = added = new FollowUp { DealId = deal.Id, RepId = rep.Id, Note = step, DueOn = dueOn, DueAt = logged.NextStepDueAt, CreatedAt = now });
            if (!NextSteps.Adds(step))
            {
                foreach (var old in earlier.Where(f => f != followUp && !NextSteps.IsDone(f, deal.LastActivityAt)))
                {
                    replaced.Add(SavedStep.Of(old));
                    db.FollowUps.Remove(old);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added is not null)
        {
            added.InteractionId = interaction.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        if (added is not null || replaced.Count > 0)
            schedule.Changed();
        return (interaction, followUp, replaced);
    }

    /// <summary>The rep's most recently logged interaction, with its deal.</summary>
    public async Task<(Interaction Interaction, Deal Deal)?> LatestAsync(Rep rep, CancellationToken cancellationToken)
    {
        var latest = await db.Interactions.Where(i => i.RepId == rep.Id).OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id)
            .Join(db.Deals, i => i.DealId, d => d.Id, (i, d) => new { i, d }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : (latest.i, latest.d);
    }

    /// <summary>
    /// Removes an interaction with its reminder, puts back the steps it had replaced, and lets the deal's last
    /// activity fall back to what came before it. Its own reminders are returned, for undo.
    /// </summary>
    public async Task<IReadOnlyList<SavedStep>> DeleteAsync(Rep rep, Interaction interaction, Deal deal, IReadOnlyList<SavedStep> replaced, CancellationToken cancellationToken)
    {
        var own = await db.FollowUps.AsNoTracking().Where(f => f.InteractionId == interaction.Id).ToListAsync(cancellationToken);
        var before = await db.Interactions.Where(i => i.DealId == deal.Id && i.Id != interaction.Id).Select(i => (DateTimeOffset?)i.OccurredAt).ToListAsync(cancellationToken);
        await UndoAsync(rep, interaction.Id, before.Max() ?? deal.CreatedAt, replaced, cancellationToken);
        return [.. own.Select(SavedStep.Of)];
    }

    /// <summary>Brings back a deleted interaction with its reminders, takes away again the steps it replaced, and its deal's last activity. False when its deal is gone or it is back already.</summary>
    public async Task<bool> RestoreAsync(Rep rep, SavedInteraction saved, IReadOnlyList<SavedStep> steps, IReadOnlyList<SavedStep> replaced, DateTimeOffset lastActivityAt, CancellationToken cancellationToken)
    {
        if (saved.RepId != rep.Id || await db.Interactions.AnyAsync(i => i.Id == saved.Id, cancellationToken)
            || await db.Deals.FirstOrDefaultAsync(d => d.Id == saved.DealId, cancellationToken) is not { } deal)
            return false;
        db.Interactions.Add(saved.Restore());
        if (lastActivityAt > deal.LastActivityAt)
            deal.LastActivityAt = lastActivityAt;
        await db.SaveChangesAsync(cancellationToken);
        var ids = replaced.Select(s => s.Id).ToList();
        await db.FollowUps.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        await PutBackAsync(steps, cancellationToken);
        schedule.Changed();
        return true;
    }

    /// <summary>Gives the last logged interaction another type or summary; what it was before is returned, for undo.</summary>
    public async Task<(InteractionKind Kind, string Summary)> ReviseAsync(Interaction interaction, InteractionKind? kind, string? summary, CancellationToken cancellationToken)
    {
        var before = (interaction.Kind, interaction.Summary);
        db.Interactions.Attach(interaction);
        interaction.Kind = kind ?? interaction.Kind;
        interaction.Summary = summary ?? interaction.Summary;
        await db.SaveChangesAsync(cancellationToken);
        return before;
    }

    /// <summary>Puts back a revised interaction's type and summary; false when it is gone.</summary>
    public async Task<bool> UnreviseAsync(Rep rep, long interactionId, InteractionKind kind, string summary, CancellationToken cancellationToken) =>
        await db.Interactions.Where(i => i.Id == interactionId && i.RepId == rep.Id)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Kind, kind).SetProperty(x => x.Summary, summary), cancellationToken) > 0;

    /// <summary>Takes back a logged interaction with the reminder it added, and puts back the steps it replaced. The number of reminders removed, or null when it is gone.</summary>
    public async Task<int?> UndoAsync(Rep rep, long interactionId, DateTimeOffset previousLastActivityAt, IReadOnlyList<SavedStep>? replaced, CancellationToken cancellationToken)
    {
        if (await db.Interactions.FirstOrDefaultAsync(i => i.Id == interactionId && i.RepId == rep.Id, cancellationToken) is not { } interaction)
            return null;
        // Whoever deletes the row undoes it: a second undo of the same interaction at the same moment finds it gone.
        if (await db.Interactions.Where(i => i.Id == interactionId).ExecuteDeleteAsync(cancellationToken) == 0)
            return null;
        var reminders = await db.FollowUps.Where(f => f.InteractionId == interactionId).ExecuteDeleteAsync(cancellationToken);
        if (await db.Deals.FirstOrDefaultAsync(d => d.Id == interaction.DealId, cancellationToken) is { } deal &&
            deal.LastActivityAt == (interaction.OccurredAt > interaction.RecordedAt ? interaction.RecordedAt : interaction.OccurredAt))
            deal.LastActivityAt = previousLastActivityAt;
        db.Entry(interaction).State = EntityState.Detached;
        await db.SaveChangesAsync(cancellationToken);
        var putBack = await PutBackAsync(replaced ?? [], cancellationToken);
        if (reminders + putBack > 0)
            schedule.Changed();
        return reminders;
    }

    private async Task<int> PutBackAsync(IReadOnlyList<SavedStep> steps, CancellationToken cancellationToken)
    {
        var ids = steps.Select(s => s.Id).ToList();
        var there = await db.FollowUps.Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        var missing = steps.Where(s => !there.Contains(s.Id)).ToList();
        db.FollowUps.AddRange(missing.Select(s => s.Restore()));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
