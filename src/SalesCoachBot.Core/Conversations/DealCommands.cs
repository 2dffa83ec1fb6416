using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>The deal commands: new deal, my deals, move, undo.</summary>
public sealed class DealCommands(DealService deals, SalesContent content, TimeProvider clock)
{
    private const int MaxNameLength = 200;

    public async Task<Reply> CreateAsync(Rep rep, NewDealIntent intent, CancellationToken cancellationToken)
    {
        if (intent.Name.Length == 0)
            return new("What's the deal called? For example: new deal Acme Corp $45,000");
        if (intent.Name.Length > MaxNameLength)
            return new($"That name is {intent.Name.Length} characters long; please keep it under {MaxNameLength}.");
        if (await deals.FindOpenByExactNameAsync(rep, intent.Name, cancellationToken) is { } existing)
            return new($"You already have an open deal called {existing.Name} ({Describe(existing)}).")
            {
                Buttons = [new("My deals", "my deals")],
            };

        var deal = await deals.CreateAsync(rep, intent.Name, intent.Value, cancellationToken);
        var guide = content.For(deal.Stage);
        return new($"Created in {deal.Stage.DisplayName()}.")
        {
            Title = $"New deal: {deal.Name}",
            Facts = [new("Amount", deal.Value?.ToString() ?? "not set"), new("Stage", deal.Stage.DisplayName())],
            Notes = [$"Next best action: {guide.NextBestAction}"],
            Buttons = [new("Move to Initial contact", $"move {deal.Name} to initial contact"), new("My deals", "my deals")],
        };
    }

    public async Task<Reply> ListAsync(Rep rep, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(rep, cancellationToken);
        if (open.Count == 0)
            return new("You have no open deals yet. Create one: new deal Acme Corp $45,000");

        var totals = open.Where(d => d.Value is not null).GroupBy(d => d.Currency!)
            .Select(g => new Money(g.Sum(d => d.Amount!.Value), g.Key).ToString()).ToList();
        return new(totals.Count > 0 ? $"Total: {string.Join(" + ", totals)}" : "No amounts set yet.")
        {
            Title = $"Your open deals ({open.Count})",
            Facts = [.. open.Select(d => new Fact(d.Name, Describe(d)))],
        };
    }

    public async Task<Reply> MoveAsync(Rep rep, MoveDealIntent intent, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (intent.DealQuery.Length == 0)
            return new("Which deal, and to which stage? For example: move Acme to discovery");
        if (!StageNames.TryParse(intent.StageText, out var stage))
            return new($"I don't know the stage \"{intent.StageText}\". The stages are: {StageNames.ListForHumans()}.");

        switch (await deals.FindAsync(rep, intent.DealQuery, cancellationToken))
        {
            case DealMatch.None:
                return await NoSuchDealAsync(rep, intent.DealQuery, cancellationToken);
            case DealMatch.Several several:
                return new($"More than one deal matches \"{intent.DealQuery}\". Which one do you mean?")
                {
                    Buttons = [.. several.Deals.Select(d => new ReplyButton(d.Name, $"move {d.Name} to {stage.DisplayName()}"))],
                };
            case DealMatch.One { Deal: var deal } when deal.Stage == stage:
                return new($"{deal.Name} is already in {stage.DisplayName()}.");
            case DealMatch.One { Deal: var deal }:
                memory.LastMove = await deals.MoveAsync(deal, stage, cancellationToken);
                return Moved(deal);
            default:
                throw new InvalidOperationException("Unexpected match result");
        }
    }

    public async Task<Reply> UndoAsync(Rep rep, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (memory.LastMove is not { } move)
            return new("There is nothing to undo.");
        memory.LastMove = null;
        var deal = await deals.UndoAsync(rep, move, cancellationToken);
        return deal is null
            ? new("That deal has changed since, so I left it as it is.")
            : new($"Undone: {deal.Name} is back in {deal.Stage.DisplayName()}.");
    }

    private Reply Moved(Deal deal)
    {
        var undo = new ReplyButton("Undo", "undo");
        if (deal.Stage == DealStage.Won)
            return new($"Congratulations, {deal.Name} is won{(deal.Value is { } value ? $" ({value})" : "")}! 🎉") { Buttons = [undo] };
        if (deal.Stage == DealStage.Lost)
            return new($"{deal.Name} is marked lost. Every lost deal teaches something: note why while it is fresh.") { Buttons = [undo] };

        var guide = content.For(deal.Stage);
        return new(guide.Goal)
        {
            Title = $"{deal.Name} → {deal.Stage.DisplayName()}",
            Facts = [new("To move on", string.Join(" ", guide.ExitCriteria)), new("Next best action", guide.NextBestAction)],
            Notes = [$"Tip: {guide.Tips[0]}"],
            Buttons = [undo, new("My deals", "my deals")],
        };
    }

    private async Task<Reply> NoSuchDealAsync(Rep rep, string query, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(rep, cancellationToken);
        var known = open.Count == 0 ? "You have no open deals yet." : $"Your open deals: {string.Join(", ", open.Take(8).Select(d => d.Name))}.";
        return new($"I couldn't find a deal matching \"{query}\". {known}")
        {
            Buttons = [new($"New deal {query}", $"new deal {query}")],
        };
    }

    private string Describe(Deal deal)
    {
        var parts = new List<string> { deal.Stage.DisplayName() };
        if (deal.Value is { } value)
            parts.Add(value.ToString());
        var idle = deal.DaysSinceLastActivity(clock.GetUtcNow());
        parts.Add(idle switch { 0 => "active today", 1 => "1 day since last activity", _ => $"{idle} days since last activity" });
        if (content.TryGet(deal.Stage, out var guide) && idle > guide.StallAfterDays)
            parts.Add("stalled");
        return string.Join(" · ", parts);
    }
}
