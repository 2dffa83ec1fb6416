using SalesCoachBot.Conversations;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Dialogs;

/// <summary>After a deal is marked Won or Lost (already saved), asks why: the team learns from both.</summary>
public sealed class CloseReasonDialog(DealService deals, UnderstandingModel model, SalesContent content) : Dialog
{
    public const string Name = "close-reason";
    public const string Other = "Other";
    private const float ReasonFits = 0.4f;

    /// <summary>The fixed reasons a loss is filed under, as recorded whatever the rep's language (<c>lost-reason-*</c> in English).</summary>
    public static readonly string[] LostReasons =
        ["Price", "Lost to a competitor", "No decision / went quiet", "No budget", "Bad timing", "Not a fit", Other];

    public override string Id => Name;

    public override string Help => "Tell me why the deal closed this way, \"skip\", or \"undo\" to take the move back.";

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps => [AskAsync, AskOtherAsync, SaveAsync];

    // The move was saved before the question was asked; only the reason is dropped.
    public override Reply CancelledReply(DialogTurn turn) =>
        new(Say(turn, ReplyKeys.ClosedCancelled, ("deal", DealName(turn)), ("outcome", content.Replies.Stage(turn.Language, Outcome(turn)))))
        { Buttons = [new(Say(turn, ReplyKeys.ButtonUndo), "undo")] };

    // Nothing to say when the command that took over was "undo", which took the move itself back.
    public override string? DroppedNote(DialogTurn turn, Prompt waiting) =>
        turn.Memory.Changes.OfType<UndoableChange.Moved>().Any(m => m.Move.StageChangeId == turn.Long(DialogKeys.StageChangeId))
            ? Say(turn, Outcome(turn) == DealStage.Won ? ReplyKeys.ClosedDroppedWon : ReplyKeys.ClosedDroppedLost, ("deal", DealName(turn)))
            : null;

    private Task<StepResult> AskAsync(DialogTurn turn, CancellationToken ct)
    {
        var intro = turn.Text(DialogKeys.Intro)!;
        return Task.FromResult(Outcome(turn) == DealStage.Won
            ? Prompts.Text(DialogKeys.Reason, Say(turn, ReplyKeys.ClosedAskWon, ("intro", intro)), optional: true)
            : Prompts.Choice(DialogKeys.Reason, new Reply(Say(turn, ReplyKeys.ClosedAskLost, ("intro", intro))), ReasonChoices(turn.Language), takesWords: true));
    }

    private Task<StepResult> AskOtherAsync(DialogTurn turn, CancellationToken ct)
    {
        var reason = turn.Text(DialogKeys.Reason);
        var picked = reason is null ? -1 : ReasonChoices(turn.Language).IndexOf(reason);
        if (picked >= 0)
            turn.Set(DialogKeys.Reason, reason = LostReasons[picked]);
        if (reason == Other)
            return Task.FromResult(Prompts.Text(DialogKeys.Reason, Say(turn, ReplyKeys.ClosedAskOther)));
        if (Outcome(turn) != DealStage.Won && reason is not null && !LostReasons.Contains(reason))
            turn.Set(DialogKeys.Reason, $"{Nearest(reason)}: {reason}");
        return Task.FromResult(StepResult.Continue);
    }

    // The fixed reasons as the rep reads them; the one picked is recorded as its English label.
    private List<string> ReasonChoices(Language language) =>
        [.. ReplyKeys.LostReasons.Select((_, i) => content.Replies.Say(language, ReplyKeys.LostReason(i)))];

    private static DealStage Outcome(DialogTurn turn) => turn.Text(DialogKeys.Outcome) == nameof(DealStage.Won) ? DealStage.Won : DealStage.Lost;

    private string DealName(DialogTurn turn) => turn.Text(DialogKeys.DealName) ?? Say(turn, ReplyKeys.ClosedTheDeal);

    private string Say(DialogTurn turn, string key, params (string, string)[] values) => content.Replies.Say(turn.Language, key, values);

    // Words like "went with a competitor, cheaper" are kept, filed under the fixed reason they are nearest to.
    private string Nearest(string words)
    {
        var ranked = model.RankLostReasons(model.Embed(words));
        return ranked.Count > 0 && ranked[0].Score >= ReasonFits
            ? model.Content.LostReasons.First(r => r.Id == ranked[0].Label).Label
            : Other;
    }

    private async Task<StepResult> SaveAsync(DialogTurn turn, CancellationToken ct)
    {
        if (turn.Text(DialogKeys.Reason) is not { } reason)
            return new StepResult.Done(new Reply(Say(turn, ReplyKeys.ClosedNoReason)));
        if (await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct) is not { } deal || !deal.Stage.IsClosed())
            return new StepResult.Done(new Reply(Say(turn, ReplyKeys.ClosedChanged)));
        await deals.SetCloseReasonAsync(deal, turn.Long(DialogKeys.StageChangeId)!.Value, reason, ct);
        return new StepResult.Done(new Reply(Say(turn, deal.Stage == DealStage.Won ? ReplyKeys.ClosedNotedWon : ReplyKeys.ClosedNotedLost,
            ("deal", deal.Name), ("reason", Shown(reason, turn.Language)))));
    }

    // A fixed reason in the rep's language, with their own words after it as they wrote them.
    private string Shown(string reason, Language language)
    {
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        var label = colon > 0 ? reason[..colon] : reason;
        var index = Array.IndexOf(LostReasons, label);
        return index < 0 ? reason : ReasonChoices(language)[index] + (colon > 0 ? reason[colon..] : "");
    }
}
