using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Objections;

/// <summary>Answers an objection with the playbook: acknowledge → clarify → respond → confirm, tuned to the deal's stage.</summary>
public sealed partial class ObjectionCommands(SalesContent content, DealService deals)
{
    public async Task<Reply> AdviseAsync(RepTurn turn, ObjectionIntent intent, CancellationToken cancellationToken)
    {
        // Only known deal names are read as deals, so a name in the command's own shape ("objection price for X") is looked up too.
        var query = intent.DealQuery ?? (CommandForDeal().Match(turn.Text) is { Success: true } named ? named.Groups["deal"].Value : null);
        var match = query is null ? null : await deals.FindAsync(turn.Rep, query, cancellationToken);
        var deal = (match as DealMatch.One)?.Deal;
        if (intent.CategoryId is null || content.Playbook.Get(intent.CategoryId) is not { } category)
            return WhichKind(deal);

        return Advice(category.In(turn.Language), deal, query, match, turn.Language);
    }

    private Reply Advice(ObjectionCategory category, Deal? deal, string? query, DealMatch? match, Languages.Language language)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        var facts = new List<Fact>
        {
            new(Say(ReplyKeys.ObjectionAcknowledge), category.Acknowledge),
            new(Say(ReplyKeys.ObjectionClarify), string.Join(" ", category.Clarify.Select(q => $"“{q}”"))),
            new(Say(ReplyKeys.ObjectionRespond), string.Join(" ", category.Respond.Select(r => $"“{r}”"))),
            new(Say(ReplyKeys.ObjectionConfirm), category.Confirm),
        };
        var notes = new List<string>();
        if (deal is not null && category.ByStage.TryGetValue(deal.Stage, out var advice))
            facts.Add(new(Say(ReplyKeys.ObjectionAtStage, ("stage", say.Stage(language, deal.Stage)), ("deal", deal.Name)), advice));
        else if (NameTheDeal(query, match, language) is { } note)
            notes.Add(note);
        return new(Say(ReplyKeys.ObjectionIntro))
        {
            Title = Say(ReplyKeys.ObjectionTitle, ("category", category.Name)),
            Facts = facts,
            Notes = notes,
            Buttons = [new(Say(ReplyKeys.ButtonAnotherObjection), deal is null ? "objection" : $"objection for {deal.Name}")],
        };
    }

    private string? NameTheDeal(string? query, DealMatch? match, Languages.Language language) => match switch
    {
        DealMatch.One => null,
        DealMatch.Several several => content.Replies.Say(language, ReplyKeys.ObjectionSeveralDeals, ("query", query ?? ""),
            ("deals", string.Join(", ", several.Deals.Select(d => content.Replies.Say(language, ReplyKeys.ObjectionDealAtStage,
                ("deal", d.Name), ("stage", content.Replies.Stage(language, d.Stage))))))),
        DealMatch.None => content.Replies.Say(language, ReplyKeys.ObjectionNoDeal, ("query", query ?? "")),
        _ => content.Replies.Say(language, ReplyKeys.ObjectionNameTheDeal),
    };

    private Reply WhichKind(Deal? deal) =>
        new("Which kind of objection is it?")
        {
            Buttons = [.. content.Playbook.Categories.Select(c => new ReplyButton(c.Name, deal is null ? $"objection {c.Id}" : $"objection {c.Id} for {deal.Name}"))],
        };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:/coach|objections?)\b.*?\bfor\s+(?:the\s+)?(?<deal>.+?)(?:\s+deal)?[.!?]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CommandForDeal();
}
