using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

/// <summary>After a deal is marked Won or Lost (already saved), asks why: the team learns from both.</summary>
public sealed class CloseReasonDialog(DealService deals) : Dialog
{
    public const string Name = "close-reason";
    public const string Other = "Other";

    public static readonly string[] LostReasons =
        ["Price", "Lost to a competitor", "No decision / went quiet", "No budget", "Bad timing", "Not a fit", Other];

    public override string Id => Name;

    public override string Help => "Tell me why the deal closed this way, \"skip\", or \"undo\" to take the move back.";

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps => [AskAsync, AskOtherAsync, SaveAsync];

    private static Task<StepResult> AskAsync(DialogTurn turn, CancellationToken ct)
    {
        var intro = turn.Text("intro")!;
        return Task.FromResult(turn.Text("outcome") == nameof(DealStage.Won)
            ? Prompts.Text("reason", $"{intro}\nWhat made the difference? One line for the record (or \"skip\").", optional: true)
            : Prompts.Choice("reason", new Reply($"{intro}\nWhy was it lost?"), LostReasons));
    }

    private static Task<StepResult> AskOtherAsync(DialogTurn turn, CancellationToken ct) =>
        Task.FromResult(turn.Text("reason") == Other ? Prompts.Text("reason", "What happened, in a line?") : StepResult.Continue);

    private async Task<StepResult> SaveAsync(DialogTurn turn, CancellationToken ct)
    {
        if (turn.Text("reason") is not { } reason)
            return new StepResult.Done(new Reply("OK."));
        if (await deals.GetAsync(turn.Rep, turn.Long("dealId")!.Value, ct) is not { } deal || !deal.Stage.IsClosed())
            return new StepResult.Done(new Reply("That deal has changed since, so I didn't record a reason."));
        await deals.SetCloseReasonAsync(deal, turn.Long("stageChangeId")!.Value, reason, ct);
        return new StepResult.Done(new Reply(deal.Stage == DealStage.Won
            ? $"Noted why {deal.Name} was won: {reason}."
            : $"Noted: {deal.Name} lost ({reason}). Worth a look at what you'd do differently next time."));
    }
}
