using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Interactions;

/// <summary>Records a touch point on a deal, moves its last activity, and keeps a dated next step as a follow-up.</summary>
public sealed class InteractionService(SalesCoachDbContext db, TimeProvider clock, IScheduleChanges schedule)
{
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

        FollowUp? followUp = null;
        if (logged.NextStep is { } step && logged.NextStepDueOn is { } dueOn)
        {
            followUp = new FollowUp { DealId = deal.Id, RepId = rep.Id, Note = step, DueOn = dueOn, DueAt = logged.NextStepDueAt, CreatedAt = now };
            db.FollowUps.Add(followUp);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (followUp is not null)
        {
            followUp.InteractionId = interaction.Id;
            await db.SaveChangesAsync(cancellationToken);
            schedule.Changed();
        }
        return (interaction, followUp);
    }
}
