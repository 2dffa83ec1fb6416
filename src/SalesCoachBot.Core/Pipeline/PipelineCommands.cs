using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Pipeline;

/// <summary>"my pipeline": open deals grouped by stage with amounts and totals, stalled ones called out.</summary>
public sealed class PipelineCommands(DealService deals, Nudges.StallChecks stallChecks, TimeProvider time)
{
    public async Task<Reply> ShowAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        if (open.Count == 0)
            return new("Your pipeline is empty. Create a deal: new deal Acme Corp $45,000") { Buttons = [new("New deal", "new deal")] };

        var now = time.GetUtcNow();
        var stalls = await stallChecks.ForRepAsync(turn.Rep, turn.Clock, cancellationToken);
        bool IsStalled(Deal deal) => stalls.IsStalled(deal);
        var facts = open.GroupBy(d => d.Stage).OrderBy(g => g.Key).Select(stage => new Fact(
            $"{stage.Key.DisplayName()} ({stage.Count()})",
            $"{DealReplies.Totals(stage)}: " + string.Join(", ", stage.Select(d => IsStalled(d) ? $"{d.Name} (stalled)" : d.Name))));
        var stalled = open.Where(IsStalled).ToList();
        var notes = stalled.Count == 0
            ? ["Nothing stalled. Keep it that way: log each touch point as it happens."]
            : new List<string> { "Stalled: " + string.Join("; ", stalled.Select(d => $"{d.Name} ({d.Stage.DisplayName()}, {d.DaysSinceLastActivity(now)} days idle)")) };
        return new($"{open.Count} open deal{(open.Count == 1 ? "" : "s")}, {DealReplies.Totals(open)} in total.")
        {
            Title = "Your pipeline",
            Facts = [.. facts],
            Notes = notes,
            Buttons = stalled.Count > 0 ? [new($"Log a call with {stalled[0].Name}", $"log call with {stalled[0].Name}")] : [],
        };
    }
}
