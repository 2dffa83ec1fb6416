using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Pipeline;

/// <summary>"my pipeline": open deals grouped by stage with amounts and totals, stalled ones called out.</summary>
public sealed class PipelineCommands(DealService deals, Nudges.StallChecks stallChecks, TimeProvider time, SalesContent content)
{
    public async Task<Reply> ShowAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        var stalls = open.Count == 0 ? null : await stallChecks.ForRepAsync(turn.Rep, turn.Clock, cancellationToken);
        return Pipeline(open, stalls, turn.Language);
    }

    private Reply Pipeline(IReadOnlyList<Deal> open, Nudges.StallCheck? stalls, Language language)
    {
        var say = content.Replies;
        string Say(string key, params (string, string)[] values) => say.Say(language, key, values);
        if (open.Count == 0 || stalls is null)
            return new(Say(ReplyKeys.PipelineEmpty)) { Buttons = [new(Say(ReplyKeys.ButtonNewDeal), "new deal")] };

        var now = time.GetUtcNow();
        var facts = open.GroupBy(d => d.Stage).OrderBy(g => g.Key).Select(stage => new Fact(
            $"{say.Stage(language, stage.Key)} ({stage.Count()})",
            $"{DealReplies.Totals(stage, say, language)}: " + string.Join(", ", stage.Select(d => stalls.IsStalled(d) ? Say(ReplyKeys.PipelineStalledDeal, ("deal", d.Name)) : d.Name))));
        var stalled = open.Where(stalls.IsStalled).ToList();
        var notes = stalled.Count == 0
            ? [Say(ReplyKeys.PipelineNothingStalled)]
            : new List<string> { Say(ReplyKeys.PipelineStalled, ("deals", string.Join("; ", stalled.Select(d =>
                Say(ReplyKeys.PipelineStalledIdle, ("deal", d.Name), ("stage", say.Stage(language, d.Stage)), ("days", d.DaysSinceLastActivity(now).ToString(System.Globalization.CultureInfo.InvariantCulture))))))) };
        return new(Say(open.Count == 1 ? ReplyKeys.PipelineSummaryOne : ReplyKeys.PipelineSummary, ("count", open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("total", DealReplies.Totals(open, say, language))))
        {
            Title = Say(ReplyKeys.PipelineTitle),
            Facts = [.. facts],
            Notes = notes,
            Buttons = stalled.Count > 0 ? [new(Say(ReplyKeys.ButtonLogCallWith, ("deal", stalled[0].Name)), $"log call with {stalled[0].Name}")] : [],
        };
    }
}
