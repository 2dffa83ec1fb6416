using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Deals;

/// <summary>How deals are shown: created, moved, listed.</summary>
public sealed class DealReplies(SalesContent content, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public Reply Created(Deal deal, RepClock clock)
    {
        var facts = new List<Fact> { new("Amount", deal.Value?.ToString() ?? "not set"), new("Stage", deal.Stage.DisplayName()) };
        if (deal.Account != deal.Name)
            facts.Insert(0, new("Account", deal.Account));
        if (deal.ExpectedCloseDate is { } close)
            facts.Add(new("Expected close", Dates.Describe(close, clock)));
        var next = StageNames.All.FirstOrDefault(s => s > deal.Stage && !s.IsClosed());
        return new($"Created in {deal.Stage.DisplayName()}.")
        {
            Title = $"New deal: {deal.Name}",
            Facts = facts,
            Notes = [$"Next best action: {content.For(deal.Stage).NextBestAction}"],
            Buttons = [new("Undo", "undo"), new($"Move to {next.DisplayName()}", $"move {deal.Name} to {next.DisplayName()}"), new("My deals", "my deals")],
        };
    }

    public Reply AlreadyExists(Deal existing) =>
        new($"You already have an open deal called {existing.Name} ({Describe(existing)}).") { Buttons = [new("My deals", "my deals")] };

    public Reply Moved(Deal deal)
    {
        var guide = content.For(deal.Stage);
        return new(guide.Goal)
        {
            Title = $"{deal.Name} → {deal.Stage.DisplayName()}",
            Facts = [new("To move on", string.Join(" ", guide.ExitCriteria)), new("Next best action", guide.NextBestAction)],
            Notes = [$"Tip: {guide.Tips[0]}"],
            Buttons = [new("Undo", "undo"), new("My deals", "my deals")],
        };
    }

    public string Describe(Deal deal, Nudges.StallCheck? stalls = null)
    {
        var parts = new List<string> { deal.Stage.DisplayName() };
        if (deal.Value is { } value)
            parts.Add(value.ToString());
        var idle = deal.DaysSinceLastActivity(time.GetUtcNow());
        parts.Add(idle switch { 0 => "active today", 1 => "1 day since last activity", _ => $"{idle} days since last activity" });
        if (stalls?.IsStalled(deal) == true)
            parts.Add("stalled");
        return string.Join(" · ", parts);
    }

    public static string Totals(IEnumerable<Deal> deals)
    {
        var totals = deals.Where(d => d.Value is not null).GroupBy(d => d.Currency!)
            .Select(g => new Money(g.Sum(d => d.Amount!.Value), g.Key).ToString()).ToList();
        return totals.Count > 0 ? string.Join(" + ", totals) : "no amounts set";
    }
}
