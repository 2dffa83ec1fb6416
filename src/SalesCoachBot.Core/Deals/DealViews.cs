using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>One deal at a glance, the stalled deals, and the next steps past due.</summary>
public sealed class DealViews(DealService deals, DealRecord record, DealReplies replies, Nudges.StallChecks stallChecks, SalesContent content)
{
    public async Task<Reply> ShowAsync(RepTurn turn, string? query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
            return await WhichDealAsync(turn, "Which deal? For example: show Acme", d => $"show deal {d.Name}", cancellationToken);
        switch (await deals.FindAsync(turn.Rep, query, cancellationToken))
        {
            case DealMatch.One { Deal: var deal }:
                return await ViewAsync(turn, deal, cancellationToken);
            case DealMatch.Several several:
                return new($"More than one deal matches \"{query}\". Which one?")
                {
                    Buttons = [.. several.Deals.Select(d => new ReplyButton(d.Name, $"show deal {d.Name}"))],
                };
            default:
                return new($"I couldn't find a deal matching \"{query}\".") { Buttons = [new("My deals", "my deals")] };
        }
    }

    public async Task<Reply> StalledAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var stalls = await stallChecks.ForRepAsync(turn.Rep, turn.Clock, cancellationToken);
        var stalled = (await deals.OpenDealsAsync(turn.Rep, cancellationToken)).Where(stalls.IsStalled)
            .OrderByDescending(d => d.DaysSinceLastActivity(turn.Clock.UtcNow)).ToList();
        if (stalled.Count == 0)
            return new("Nothing is stalled: every open deal had activity within its stage's window. 👏") { Buttons = [new("My deals", "my deals")] };
        return new("Deals idle longer than their stage allows with no next step ahead, longest first:")
        {
            Title = $"Stalled deals ({stalled.Count})",
            Facts = [.. stalled.Select(d => new Fact(d.Name, replies.Describe(d, stalls)))],
            Buttons = [.. stalled.Take(3).Select(d => new ReplyButton($"Show {d.Name}", $"show deal {d.Name}"))],
        };
    }

    public async Task<Reply> OverdueAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var overdue = await record.OverdueAsync(turn.Rep, turn.Clock.Today, cancellationToken);
        if (overdue.Count == 0)
            return new("Nothing overdue. Every next step you logged is still ahead of you.") { Buttons = [new("My deals", "my deals")] };
        return new("Next steps past their date, oldest first:")
        {
            Title = $"Overdue ({overdue.Count})",
            Facts = [.. overdue.Select(o => new Fact(o.Deal.Name, $"{o.Step.Note} (due {Dates.Describe(o.Step.DueOn, turn.Clock)})"))],
            Buttons = [.. overdue.Take(3).Select(o => new ReplyButton($"Log on {o.Deal.Name}", $"log call with {o.Deal.Name}"))],
        };
    }

    private async Task<Reply> ViewAsync(RepTurn turn, Deal deal, CancellationToken cancellationToken)
    {
        var stalls = await stallChecks.ForRepAsync(turn.Rep, turn.Clock, cancellationToken);
        var idle = deal.DaysSinceLastActivity(turn.Clock.UtcNow);
        var facts = new List<Fact>
        {
            new("Stage", deal.Stage.DisplayName()),
            new("Amount", deal.Value?.ToString() ?? "not set"),
            new("Expected close", deal.ExpectedCloseDate is { } close ? Dates.Describe(close, turn.Clock) : "not set"),
            new("Owner", deal.Owner?.DisplayName ?? turn.Rep.DisplayName),
        };
        if (deal.Stage.IsClosed())
        {
            // The stage above already says won or lost; a lost reason often says it again ("Lost to a competitor").
            if (deal.CloseReason is { } reason)
                facts.Add(new("Why", reason));
        }
        else
        {
            var rule = stalls.RuleFor(deal.Stage);
            facts.Add(new("Idle", stalls.IsStalled(deal)
                ? $"{idle} days: stalled (deals in {deal.Stage.DisplayName()} stall after {rule.Days} days)"
                : $"{idle} day{(idle == 1 ? "" : "s")}: fine (stalls after {rule.Days} days in {deal.Stage.DisplayName()})"));
        }
        foreach (var activity in await record.RecentAsync(deal, 3, cancellationToken))
            facts.Add(new($"{activity.Kind}, {Dates.Describe(TimeZoneInfo.ConvertTime(activity.OccurredAt, turn.Clock.Zone).DateTime, turn.Clock)}", activity.Summary));
        if (await record.NextStepAsync(deal, cancellationToken) is { } next)
            facts.Add(next.DueOn is { } due
                ? new(due < turn.Clock.Today ? "Next step (overdue)" : "Next step", $"{next.Note} ({Dates.Describe(due, turn.Clock)})")
                : new("Next step", next.Note));
        return new(deal.Stage.IsClosed() ? "Closed." : $"Next best action: {content.For(deal.Stage).NextBestAction}")
        {
            Title = deal.Name,
            Facts = facts,
            Buttons = deal.Stage.IsClosed()
                ? [new("Reopen", $"reopen {deal.Name}")]
                : [new("Log activity", $"log call with {deal.Name}"), new("Move to next stage", $"move {deal.Name} to {NextOpen(deal.Stage).DisplayName()}"),
                    new("Tip for this stage", $"stage tips for {deal.Name}")],
        };
    }

    private static DealStage NextOpen(DealStage stage) => StageNames.Open.FirstOrDefault(s => s > stage, DealStage.FollowUp);

    private async Task<Reply> WhichDealAsync(RepTurn turn, string question, Func<Deal, string> message, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        return new(question) { Buttons = [.. open.Take(6).Select(d => new ReplyButton(d.Name, message(d)))] };
    }
}
