using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Wins;

/// <summary>Each deal a team wins after its manager said "post wins here", posted there once (keyed by the deal and its win).</summary>
public sealed class WinWirePlanner(SalesCoachDbContext db)
{
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(CancellationToken cancellationToken)
    {
        var plans = new List<PlannedMessage>();
        foreach (var wire in await db.WinWires.AsNoTracking().ToListAsync(cancellationToken))
        {
            var team = db.TeamOf(wire.ManagerId).Select(r => r.Id);
            var wins = await db.Deals.AsNoTracking().Include(d => d.Owner)
                .Where(d => d.Stage == DealStage.Won && d.ClosedAt >= wire.CreatedAt && team.Contains(d.OwnerId))
                .OrderBy(d => d.ClosedAt).ToListAsync(cancellationToken);
            plans.AddRange(wins.Select(deal => new PlannedMessage($"win:{wire.Id}:{deal.Id}:{deal.ClosedAt!.Value.UtcTicks}", MessageKind.WinWire, null, "the team's win channel",
                wire.Channel, wire.Address, Post(deal))));
        }
        return plans;
    }

    private static Reply Post(Deal deal)
    {
        var days = Math.Max(1, (int)Math.Ceiling((deal.ClosedAt!.Value - deal.CreatedAt).TotalDays));
        var facts = new List<Fact> { new("Rep", deal.Owner!.DisplayName), new("Days to close", days.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (deal.Value is { } value)
            facts.Insert(1, new("Amount", value.ToString()));
        if (!string.IsNullOrWhiteSpace(deal.CloseReason))
            facts.Add(new("What made the difference", deal.CloseReason));
        return new($"{deal.Owner.DisplayName} won {deal.Name}" + (deal.Value is { } v ? $", {v}" : "") + "! 🎉") { Title = "A win", Facts = facts };
    }
}
