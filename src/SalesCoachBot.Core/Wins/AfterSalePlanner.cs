using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Wins;

/// <summary>
/// Check-ins on won deals (<c>afterSale</c> in stages.yaml), each once, to the deal's rep: in their working hours, not while
/// they paused nudges, within the day's limit of nudges. One missed for a week (the bot was down, the rep paused) is let go.
/// </summary>
public sealed class AfterSalePlanner(SalesCoachDbContext db, SalesContent content, RepClockFactory clocks, SchedulerSettings settings, TimeProvider time)
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        if (content.AfterSale.Count == 0)
            return [];
        var now = time.GetUtcNow();
        var reachable = await Recipients.ReachableAsync(db, cancellationToken);
        var earliest = now - TimeSpan.FromDays(content.AfterSale.Max(s => s.Days)) - CatchUp;
        var won = await db.Deals.AsNoTracking().Include(d => d.Owner)
            .Where(d => d.Stage == DealStage.Won && d.ClosedAt >= earliest).ToListAsync(cancellationToken);
        var onDuty = won.GroupBy(d => d.OwnerId).Select(deals => (Rep: deals.First().Owner!, Deals: deals))
            .Where(r => reachable.ContainsKey(r.Rep.Id) && !(r.Rep.NudgesPausedUntil > now) && settings.IsWorkingTime(clocks.For(r.Rep).LocalNow)).ToList();
        var sentToday = await NudgePlanner.SentTodayAsync(db, clocks, [.. onDuty.Select(r => r.Rep)], cancellationToken);
        var plans = new List<PlannedMessage>();
        foreach (var (rep, deals) in onDuty)
        {
            var account = reachable[rep.Id];
            var left = settings.MaxNudgesPerDay - sentToday.GetValueOrDefault(rep.Id);
            foreach (var (deal, step) in from deal in deals
                                         from step in content.AfterSale
                                         let due = deal.ClosedAt!.Value + TimeSpan.FromDays(step.Days)
                                         where due <= now && now - due < CatchUp
                                         orderby due
                                         select (deal, step))
            {
                if (left-- <= 0)
                    break;
                plans.Add(new PlannedMessage($"after-sale:{deal.Id}:{deal.ClosedAt!.Value.UtcTicks}:{step.Days}", MessageKind.AfterSale, rep.Id, rep.DisplayName,
                    account.Channel, account.Address!, CheckIn(deal, step, rep.Language ?? Language.English)));
            }
        }
        return plans;
    }

    private Reply CheckIn(Deal deal, AfterSaleStep step, Language language)
    {
        var words = step.In(language);
        return new(words.TextFor(deal.Name))
        {
            Title = words.TitleFor(deal.Name),
            Buttons = [new(content.Replies.Say(language, ReplyKeys.AftersaleButtonLog), $"log call with {deal.Name}"),
                new(content.Replies.Say(language, ReplyKeys.AftersaleButtonNewDeal), $"new deal {deal.Account}")],
        };
    }
}
