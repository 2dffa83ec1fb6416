using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Objections;

/// <summary>Which objection a message reports, and on which deal: by the category's name, or by the nearest examples.</summary>
public sealed partial class ObjectionReader(SalesContent content, UnderstandingModel model)
{
    public ObjectionIntent Read(IntentText text)
    {
        if (text.Detail is { } picked)
            return new ObjectionIntent(picked, text.Deal, text.Message);
        var byName = text.Exact is not null;
        var said = byName ? text.Part("rest") : text.Message;
        var deal = DealMatcher.FindIn(said, text.Context.DealNames);
        var rest = ForDeal().Replace(deal is null ? said : DealReaders.RemoveName(said, deal), " ").Trim();
        if (byName && content.Playbook.ByName(rest.Split(' ', 2)[0]) is { } named)
            return new ObjectionIntent(named.Id, deal, said.Trim());
        if (!Words().IsMatch(rest))
            return new ObjectionIntent(null, deal, said.Trim());
        var ranked = byName ? model.RankObjections(model.Embed(rest), rest, text.Context.Language) : model.RankObjections(text.Vector ?? model.Embed(said), said, text.Context.Language);
        return new ObjectionIntent(ranked[0].Label, deal, said.Trim());
    }

    public string? Title(ObjectionIntent intent) =>
        intent.CategoryId is { } id && content.Playbook.Get(id) is { } category ? $"Objection: {category.Name}" : null;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(for|on|with|at|from)\s*(?:the\s+)?(?:deal\s*)?$|^\s*(for|on|with|at)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForDeal();
}
