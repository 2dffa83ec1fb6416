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

    public async Task<(Interaction Interaction, FollowUp? FollowUp)> LogAsync(Rep rep, Deal deal, LoggedInteraction logged, CancellationToken cancellationToken)
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
        if (logged.NextStep is { } step && logged.NextStepDueOn is { } dueOn)
        {
            // The same call logged twice keeps one follow-up, so it reminds once.
            followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.DealId == deal.Id && f.DueOn == dueOn && f.Note.ToLower() == step.ToLower(), cancellationToken);
            if (followUp is null)
                db.FollowUps.Add(followUp = added = new FollowUp { DealId = deal.Id, RepId = rep.Id, Note = step, DueOn = dueOn, DueAt = logged.NextStepDueAt, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added is not null)
        {
            added.InteractionId = interaction.Id;
            await db.SaveChangesAsync(cancellationToken);
            schedule.Changed();
        }
        return (interaction, followUp);
    }

    /// <summary>
    /// Removes an interaction logged by mistake with the reminder it added, and puts the deal's last
    /// activity back if the interaction was what moved it. The number of reminders removed, or null when it is gone.
    /// </summary>
    /// <summary>The rep's most recently logged interaction, with its deal.</summary>
    public async Task<(Interaction Interaction, Deal Deal)?> LatestAsync(Rep rep, CancellationToken cancellationToken)
    {
        var latest = await db.Interactions.Where(i => i.RepId == rep.Id).OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id)
            .Join(db.Deals, i => i.DealId, d => d.Id, (i, d) => new { i, d }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : (latest.i, latest.d);
    }

    /// <summary>Removes an interaction (and its reminder); the deal's last activity falls back to what came before it.</summary>
    public async Task DeleteAsync(Rep rep, Interaction interaction, Deal deal, CancellationToken cancellationToken)
    {
        var before = await db.Interactions.Where(i => i.DealId == deal.Id && i.Id != interaction.Id).Select(i => (DateTimeOffset?)i.OccurredAt).ToListAsync(cancellationToken);
        await UndoAsync(rep, interaction.Id, before.Max() ?? deal.CreatedAt, cancellationToken);
    }

    public async Task ReviseAsync(Interaction interaction, InteractionKind? kind, string? summary, CancellationToken cancellationToken)
    {
        db.Interactions.Attach(interaction);
        interaction.Kind = kind ?? interaction.Kind;
        interaction.Summary = summary ?? interaction.Summary;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int?> UndoAsync(Rep rep, long interactionId, DateTimeOffset previousLastActivityAt, CancellationToken cancellationToken)
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
        if (reminders > 0)
            schedule.Changed();
        return reminders;
    }
}
