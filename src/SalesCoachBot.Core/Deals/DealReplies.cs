using SalesCoachBot.Content;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Deals;

/// <summary>How deals are shown: created, moved, listed.</summary>
public sealed class DealReplies(SalesContent content, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public ReplyCatalog Catalog => content.Replies;

    public Reply Created(Deal deal, RepClock clock, Language language = Language.English)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        var stage = say.Stage(language, deal.Stage);
        var facts = new List<Fact> { new(Say(ReplyKeys.FactAmount), deal.Value is { } value ? Written.Money(value, language) : Say(ReplyKeys.FactAmountNotSet)), new(Say(ReplyKeys.FactStage), stage) };
        if (deal.Account != deal.Name)
            facts.Insert(0, new(Say(ReplyKeys.FactAccount), deal.Account));
        if (deal.ExpectedCloseDate is { } close)
            facts.Add(new(Say(ReplyKeys.FactExpectedClose), Written.Date(close, clock, language)));
        var next = StageNames.All.FirstOrDefault(s => s > deal.Stage && !s.IsClosed());
        return new(Say(ReplyKeys.DealCreated, ("stage", stage)))
        {
            Title = Say(ReplyKeys.DealCreatedTitle, ("deal", deal.Name)),
            Facts = facts,
            Notes = [Say(ReplyKeys.NoteNextBestAction, ("action", content.For(deal.Stage).In(language).NextBestAction))],
            Buttons = [new(Say(ReplyKeys.ButtonUndo), "undo"), new(Say(ReplyKeys.ButtonMoveTo, ("stage", say.Stage(language, next))), $"move {deal.Name} to {next.DisplayName()}"),
                new(Say(ReplyKeys.ButtonMyDeals), "my deals")],
        };
    }

    public Reply AlreadyExists(Deal existing) =>
        new($"You already have an open deal called {existing.Name} ({Describe(existing)}).") { Buttons = [new("My deals", "my deals")] };

    public Reply Moved(Deal deal, Language language = Language.English)
    {
        var guide = content.For(deal.Stage).In(language);
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        return new(guide.Goal)
        {
            Title = $"{deal.Name} → {say.Stage(language, deal.Stage)}",
            Facts = [new(Say(ReplyKeys.FactToMoveOn), string.Join(" ", guide.ExitCriteria)), new(Say(ReplyKeys.FactNextBestAction), guide.NextBestAction)],
            Notes = [Say(ReplyKeys.NoteTip, ("tip", guide.Tips[0]))],
            Buttons = [new(Say(ReplyKeys.ButtonUndo), "undo"), new(Say(ReplyKeys.ButtonMyDeals), "my deals")],
        };
    }

    /// <summary>The line a won or lost deal is greeted with, before the question why.</summary>
    public string Closed(Deal deal, Language language = Language.English) =>
        deal.Stage == DealStage.Won
            ? content.Replies.Say(language, ReplyKeys.ClosedWon, ("deal", deal.Name), ("amount", deal.Value is { } value ? $" ({Written.Money(value, language)})" : ""))
            : content.Replies.Say(language, ReplyKeys.ClosedLost, ("deal", deal.Name));

    /// <summary>A loss told with its reason ("Acme lost, went with a competitor"): the rep's words are kept under the fixed reason.</summary>
    public Reply LostWithReason(Deal deal, string reason, Language language = Language.English)
    {
        var say = content.Replies;
        var index = Array.IndexOf(Dialogs.CloseReasonDialog.LostReasons, reason);
        var shown = index < 0 ? reason : say.Say(language, ReplyKeys.LostReason(index));
        return new(say.Say(language, ReplyKeys.ClosedLostWithReason, ("deal", deal.Name), ("reason", shown)))
        {
            Buttons = [new(say.Say(language, ReplyKeys.ButtonUndo), "undo"), new(say.Say(language, ReplyKeys.ButtonMyDeals), "my deals")],
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

    /// <summary>The deals' amounts summed per currency, written as the rep's language writes money.</summary>
    public static string Totals(IEnumerable<Deal> deals, ReplyCatalog say, Language language)
    {
        var totals = deals.Where(d => d.Value is not null).GroupBy(d => d.Currency!)
            .Select(g => Written.Money(new Money(g.Sum(d => d.Amount!.Value), g.Key), language)).ToList();
        return totals.Count > 0 ? string.Join(" + ", totals) : say.Say(language, ReplyKeys.TotalsNoAmounts);
    }

    public static string Totals(IEnumerable<Deal> deals)
    {
        var totals = deals.Where(d => d.Value is not null).GroupBy(d => d.Currency!)
            .Select(g => new Money(g.Sum(d => d.Amount!.Value), g.Key).ToString()).ToList();
        return totals.Count > 0 ? string.Join(" + ", totals) : "no amounts set";
    }
}
