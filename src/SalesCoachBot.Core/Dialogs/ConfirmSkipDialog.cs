using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// Asks before a move that is easy to regret: forward past stages (skipped stages are usually skipped
/// work), reopening a closed deal, or deleting one.
/// </summary>
public sealed class ConfirmSkipDialog(DealService deals, DealReplies replies) : Dialog
{
    public const string Name = "confirm-skip";

    public override string Id => Name;

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps => [AskAsync, MoveAsync];

    public override string? DroppedNote(DialogTurn turn, Prompt waiting)
    {
        var deal = turn.Text(DialogKeys.DealName) ?? "the deal";
        var to = Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!).DisplayName();
        return turn.Has(DialogKeys.Delete)
            ? $"Not deleted: {deal} — say \"delete {deal}\" to delete it."
            : $"Not moved: {deal} stays where it was — say \"move {deal} to {to}\" to move it.";
    }

    private async Task<StepResult> AskAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        var to = Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!);
        if (deal is null)
            return new StepResult.Done(new Reply("That deal is gone."));
        turn.Set(DialogKeys.DealName, deal.Name);
        if (turn.Has(DialogKeys.Delete))
            return Prompts.YesNo(DialogKeys.Confirmed, new Reply($"Delete {deal.Name} and everything logged on it? (You can say *undo* afterwards.)"));
        if (deal.Stage.IsClosed())
            return Prompts.YesNo(DialogKeys.Confirmed, new Reply($"{deal.Name} is {deal.Stage.DisplayName()}. Reopen it in {to.DisplayName()}?"));
        var skipped = StageNames.All.Where(s => s > deal.Stage && s < to).Select(s => s.DisplayName());
        return Prompts.YesNo(DialogKeys.Confirmed, new Reply($"Moving {deal.Name} from {deal.Stage.DisplayName()} to {to.DisplayName()} skips {string.Join(", ", skipped)}. Move it anyway?"));
    }

    private async Task<StepResult> MoveAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        if (deal is null)
            return new StepResult.Done(new Reply("That deal is gone."));
        if (!PromptAnswers.IsYes(turn.Text(DialogKeys.Confirmed)))
            return new StepResult.Done(new Reply(turn.Has(DialogKeys.Delete) ? $"OK, {deal.Name} stays." : $"OK, {deal.Name} stays in {deal.Stage.DisplayName()}."));
        if (turn.Has(DialogKeys.Delete))
        {
            await deals.DeleteAsync(deal, ct);
            DealCommands.Remember(turn.Memory, new UndoableChange.Deleted(deal.Id, deal.Name));
            return new StepResult.Done(new Reply($"Deleted {deal.Name}, with its activities and reminders. Say *undo* to bring it back."));
        }
        var move = await deals.MoveAsync(deal, Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!), ct);
        DealCommands.Remember(turn.Memory, new UndoableChange.Moved(move));
        return new StepResult.Done(replies.Moved(deal, turn.Language));
    }
}
