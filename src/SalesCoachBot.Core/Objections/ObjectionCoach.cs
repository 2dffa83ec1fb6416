using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Objections;

/// <summary>Answers an objection with the playbook: acknowledge → clarify → respond → confirm, tuned to the deal's stage.</summary>
public sealed class ObjectionCoach(SalesContent content, DealService deals)
{
    public async Task<Reply> AdviseAsync(RepTurn turn, ObjectionIntent intent, CancellationToken cancellationToken)
    {
        var deal = intent.DealQuery is { } query && await deals.FindAsync(turn.Rep, query, cancellationToken) is DealMatch.One one ? one.Deal : null;
        if (intent.CategoryId is null || content.Playbook.Get(intent.CategoryId) is not { } category)
            return WhichKind(deal);

        var facts = new List<Fact>
        {
            new("1. Acknowledge", category.Acknowledge),
            new("2. Clarify", string.Join(" ", category.Clarify.Select(q => $"“{q}”"))),
            new("3. Respond", string.Join(" ", category.Respond.Select(r => $"“{r}”"))),
            new("4. Confirm", category.Confirm),
        };
        var notes = new List<string>();
        if (deal is not null && category.ByStage.TryGetValue(deal.Stage, out var advice))
            facts.Add(new($"At {deal.Stage.DisplayName()} ({deal.Name})", advice));
        else
            notes.Add("Name the deal (e.g. \"objection price for Acme\") for advice fitted to its stage.");
        return new($"Don't argue with it; uncover what's behind it.")
        {
            Title = $"Objection: {category.Name}",
            Facts = facts,
            Notes = notes,
            Buttons = [new("Another objection", deal is null ? "objection" : $"objection for {deal.Name}")],
        };
    }

    private Reply WhichKind(Deal? deal) =>
        new("Which kind of objection is it?")
        {
            Buttons = [.. content.Playbook.Categories.Select(c => new ReplyButton(c.Name, deal is null ? $"objection {c.Id}" : $"objection {c.Id} for {deal.Name}"))],
        };
}
