using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Dialogs;

/// <summary>After a deal is marked Won or Lost (already saved), asks why: the team learns from both.</summary>
public sealed class CloseReasonDialog(DealService deals, UnderstandingModel model) : Dialog
{
    public const string Name = "close-reason";
    public const string Other = "Other";
    private const float ReasonFits = 0.4f;

    public static readonly string[] LostReasons =
        ["Price", "Lost to a competitor", "No decision / went quiet", "No budget", "Bad timing", "Not a fit", Other];

    public override string Id => Name;

    public override string Help => "Tell me why the deal closed this way, \"skip\", or \"undo\" to take the move back.";

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps => [AskAsync, AskOtherAsync, SaveAsync];

    // The move was saved before the question was asked; only the reason is dropped.
    public override Reply CancelledReply(DialogTurn turn) =>
        new($"{turn.Text(DialogKeys.DealName) ?? "The deal"} stays {turn.Text(DialogKeys.Outcome)}; no reason recorded.") { Buttons = [new("Undo", "undo")] };

    // Nothing to say when the command that took over was "undo", which took the move itself back.
    public override string? DroppedNote(DialogTurn turn, Prompt waiting) =>
        turn.Memory.Changes.OfType<UndoableChange.Moved>().Any(m => m.Move.StageChangeId == turn.Long(DialogKeys.StageChangeId))
            ? $"(No {(turn.Text(DialogKeys.Outcome) == nameof(DealStage.Won) ? "win" : "loss")} reason recorded for {turn.Text(DialogKeys.DealName) ?? "the deal"}.)"
            : null;

    private static Task<StepResult> AskAsync(DialogTurn turn, CancellationToken ct)
    {
        var intro = turn.Text(DialogKeys.Intro)!;
        return Task.FromResult(turn.Text(DialogKeys.Outcome) == nameof(DealStage.Won)
            ? Prompts.Text(DialogKeys.Reason, $"{intro}\nWhat made the difference? One line for the record (or \"skip\").", optional: true)
            : Prompts.Choice(DialogKeys.Reason, new Reply($"{intro}\nWhy was it lost? Pick one or say it in your words."), LostReasons, takesWords: true));
    }

    private Task<StepResult> AskOtherAsync(DialogTurn turn, CancellationToken ct)
    {
        var reason = turn.Text(DialogKeys.Reason);
        if (reason == Other)
            return Task.FromResult(Prompts.Text(DialogKeys.Reason, "What happened, in a line?"));
        if (turn.Text(DialogKeys.Outcome) != nameof(DealStage.Won) && reason is not null && !LostReasons.Contains(reason))
            turn.Set(DialogKeys.Reason, $"{Nearest(reason)}: {reason}");
        return Task.FromResult(StepResult.Continue);
    }

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
            return new StepResult.Done(new Reply("OK."));
        if (await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct) is not { } deal || !deal.Stage.IsClosed())
            return new StepResult.Done(new Reply("That deal has changed since, so I didn't record a reason."));
        await deals.SetCloseReasonAsync(deal, turn.Long(DialogKeys.StageChangeId)!.Value, reason, ct);
        return new StepResult.Done(new Reply(deal.Stage == DealStage.Won
            ? $"Noted why {deal.Name} was won: {reason}."
            : $"Noted: {deal.Name} lost ({reason}). Worth a look at what you'd do differently next time."));
    }
}
