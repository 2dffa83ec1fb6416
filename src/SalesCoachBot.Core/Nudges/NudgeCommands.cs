using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Nudges;

/// <summary>What reps say about nudges: snooze a deal, pause or resume nudges, tips for a deal's stage.</summary>
public sealed class NudgeCommands(SalesCoachDbContext db, DealService deals, SalesContent content)
{
    private static readonly TimeSpan Indefinitely = TimeSpan.FromDays(3650);

    public async Task<Reply> SnoozeAsync(RepTurn turn, Understanding.SnoozeIntent intent, CancellationToken cancellationToken)
    {
        if (await OneDealAsync(turn, intent.DealQuery, cancellationToken) is not { } deal)
            return new($"I couldn't find one deal matching \"{intent.DealQuery}\". Try its full name.");
        deal.SnoozedUntil = turn.Clock.UtcNow + intent.Duration;
        await db.SaveChangesAsync(cancellationToken);
        var until = TimeZoneInfo.ConvertTime(deal.SnoozedUntil.Value, turn.Clock.Zone).DateTime;
        return new($"Snoozed {deal.Name} until {Dates.Describe(until, turn.Clock)}. I'll bring it up again then if it's still quiet.");
    }

    public async Task<Reply> PauseAsync(RepTurn turn, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var rep = turn.Rep;
        if (duration == TimeSpan.Zero)
        {
            rep.NudgesPausedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            return new("Nudges are back on. I'll only speak up about deals that have really gone quiet.");
        }
        rep.NudgesPausedUntil = turn.Clock.UtcNow + (duration ?? Indefinitely);
        await db.SaveChangesAsync(cancellationToken);
        return duration is { } span
            ? new($"Nudges paused until {Dates.Describe(TimeZoneInfo.ConvertTime(rep.NudgesPausedUntil.Value, turn.Clock.Zone).DateTime, turn.Clock)}. Follow-up reminders you asked for still come. Say \"resume nudges\" to turn them back on sooner.")
            : new("Nudges paused until you say \"resume nudges\". Follow-up reminders you asked for still come.");
    }

    public async Task<Reply> StageTipsAsync(RepTurn turn, string query, CancellationToken cancellationToken)
    {
        if (await OneDealAsync(turn, query, cancellationToken) is not { } deal || deal.Stage.IsClosed())
            return new($"I couldn't find one open deal matching \"{query}\".");
        var guide = content.For(deal.Stage);
        return new(guide.Goal)
        {
            Title = $"{deal.Name}: {deal.Stage.DisplayName()}",
            Facts = [new("To move on", string.Join(" ", guide.ExitCriteria)), new("Next best action", guide.NextBestAction)],
            Notes = [.. guide.Tips.Select(t => $"Tip: {t}")],
            Buttons = [new("Log activity", $"log call with {deal.Name}")],
        };
    }

    private async Task<Deal?> OneDealAsync(RepTurn turn, string query, CancellationToken cancellationToken) =>
        await deals.FindAsync(turn.Rep, query, cancellationToken) is DealMatch.One one ? one.Deal : null;
}
