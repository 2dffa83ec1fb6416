using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Digests;

/// <summary>Managers set up their team and the stalled-deal digest by chat.</summary>
public sealed class TeamCommands(SalesCoachDbContext db, IScheduleChanges schedule, TimeProvider time)
{
    public async Task<Reply> SubscribeDigestAsync(RepTurn turn, SubscribeDigestIntent intent, CancellationToken cancellationToken)
    {
        if (turn.Place is not { IsPersonal: false } place)
            return new("Say this in the team channel where the digest should go, with me added there.");
        var subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(d => d.ConversationId == place.ConversationId, cancellationToken);
        if (subscription is null)
            db.DigestSubscriptions.Add(subscription = new DigestSubscription
            {
                Channel = place.Channel,
                ConversationId = place.ConversationId,
                Address = place.Reference,
                TimeZone = turn.Clock.Zone.Id,
                CreatedAt = time.GetUtcNow(),
            });
        (subscription.ManagerId, subscription.Day, subscription.Hour, subscription.Address, subscription.TimeZone) =
            (turn.Rep.Id, intent.Day, intent.Hour, place.Reference, turn.Clock.Zone.Id);
        await db.SaveChangesAsync(cancellationToken);
        schedule.Changed();
        var members = await db.Reps.CountAsync(r => r.ManagerId == turn.Rep.Id, cancellationToken);
        return new($"I'll post the stalled-deal digest here every {intent.Day} at {intent.Hour:00}:00 ({turn.Clock.Zone.Id})."
                   + (members == 0 ? " Your team is empty so far: add reps with \"add alice@example.com to my team\"." : $" It covers your team of {members}."));
    }

    public async Task<Reply> StopDigestAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var removed = turn.Place is { } place
            ? await db.DigestSubscriptions.Where(d => d.ConversationId == place.ConversationId).ExecuteDeleteAsync(cancellationToken)
            : 0;
        if (removed > 0)
            schedule.Changed();
        return new(removed > 0 ? "Stopped: no more digests in this conversation." : "There's no digest posted here.");
    }

    public async Task<Reply> ChangeAsync(RepTurn turn, TeamIntent intent, CancellationToken cancellationToken)
    {
        if (intent.AddEmail is { } add)
        {
            var email = add.Trim().ToLowerInvariant();
            if (email == turn.Rep.Email)
                return new("You can't be on your own team, but your own stalled deals are in your digest anyway.");
            var rep = await db.Reps.FirstOrDefaultAsync(r => r.Email == email, cancellationToken)
                      ?? db.Reps.Add(new Rep { DisplayName = email, Email = email, CreatedAt = time.GetUtcNow() }).Entity;
            rep.ManagerId = turn.Rep.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        if (intent.RemoveEmail is { } remove)
        {
            var email = remove.Trim().ToLowerInvariant();
            await db.Reps.Where(r => r.Email == email && r.ManagerId == turn.Rep.Id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ManagerId, (long?)null), cancellationToken);
        }
        var team = await db.Reps.Where(r => r.ManagerId == turn.Rep.Id).OrderBy(r => r.DisplayName).Select(r => r.Email ?? r.DisplayName).ToListAsync(cancellationToken);
        return new(team.Count == 0 ? "Your team is empty. Add reps with \"add alice@example.com to my team\"." : $"Your team: {string.Join(", ", team)}.");
    }
}
