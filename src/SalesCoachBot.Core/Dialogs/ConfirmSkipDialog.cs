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
        var deal = turn.Text(DialogKeys.DealName) ?? Say(turn, ReplyKeys.SkipTheDeal);
        var to = replies.Catalog.Stage(turn.Language, Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!));
        return turn.Has(DialogKeys.Delete)
            ? Say(turn, ReplyKeys.SkipDroppedDelete, ("deal", deal))
            : Say(turn, ReplyKeys.SkipDroppedMove, ("deal", deal), ("to", to));
    }

    private async Task<StepResult> AskAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        var to = Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!);
        if (deal is null)
            return new StepResult.Done(new Reply(Say(turn, ReplyKeys.SkipGone)));
        turn.Set(DialogKeys.DealName, deal.Name);
        string Stage(DealStage stage) => replies.Catalog.Stage(turn.Language, stage);
        StepResult Ask(string key, params (string, string)[] values) =>
            Prompts.YesNo(DialogKeys.Confirmed, new Reply(Say(turn, key, values)), Say(turn, ReplyKeys.ButtonYes), Say(turn, ReplyKeys.ButtonNo));
        if (turn.Has(DialogKeys.Delete))
            return Ask(ReplyKeys.SkipAskDelete, ("deal", deal.Name));
        if (deal.Stage.IsClosed())
            return Ask(ReplyKeys.SkipAskReopen, ("deal", deal.Name), ("stage", Stage(deal.Stage)), ("to", Stage(to)));
        var skipped = StageNames.All.Where(s => s > deal.Stage && s < to).Select(Stage);
        return Ask(ReplyKeys.SkipAskSkip, ("deal", deal.Name), ("stage", Stage(deal.Stage)), ("to", Stage(to)), ("skipped", string.Join(", ", skipped)));
    }

    private async Task<StepResult> MoveAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        if (deal is null)
            return new StepResult.Done(new Reply(Say(turn, ReplyKeys.SkipGone)));
        if (!PromptAnswers.IsYes(turn.Text(DialogKeys.Confirmed)))
            return new StepResult.Done(new Reply(turn.Has(DialogKeys.Delete)
                ? Say(turn, ReplyKeys.SkipStays, ("deal", deal.Name))
                : Say(turn, ReplyKeys.SkipStaysIn, ("deal", deal.Name), ("stage", replies.Catalog.Stage(turn.Language, deal.Stage)))));
        if (turn.Has(DialogKeys.Delete))
        {
            await deals.DeleteAsync(deal, ct);
            DealCommands.Remember(turn.Memory, new UndoableChange.Deleted(deal.Id, deal.Name));
            return new StepResult.Done(new Reply(Say(turn, ReplyKeys.SkipDeleted, ("deal", deal.Name))));
        }
        var move = await deals.MoveAsync(deal, Enum.Parse<DealStage>(turn.Text(DialogKeys.Stage)!), ct);
        DealCommands.Remember(turn.Memory, new UndoableChange.Moved(move));
        return new StepResult.Done(replies.Moved(deal, turn.Language));
    }

    private string Say(DialogTurn turn, string key, params (string, string)[] values) => replies.Catalog.Say(turn.Language, key, values);
}
