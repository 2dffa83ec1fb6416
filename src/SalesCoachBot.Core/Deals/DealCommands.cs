using SalesCoachBot.Conversations;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Interactions;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Deals;

/// <summary>The deal commands: new deal, my deals, my pipeline, move, undo.</summary>
public sealed class DealCommands(DealService deals, InteractionService interactions, DealReplies replies, DialogRunner dialogs, DateRecognizer dates, AmountRecognizer amounts, Nudges.StallChecks stallChecks, StageFinder stages)
{
    private const int UndoDepth = 5;

    public async Task<Reply> CreateAsync(RepTurn turn, NewDealIntent intent, CancellationToken cancellationToken)
    {
        // A negative amount is not taken as money, so it is left at the end of the name: refuse it there.
        if (amounts.Read(intent.Name) is { IsNegative: true } negative)
            return new($"An amount can't be negative: say what the deal is worth, e.g. new deal {(intent.Name[..negative.Start].Trim() is { Length: > 0 } name ? name : "Acme Corp")} $5,000.");
        if (intent.Name.Length == 0)
            return await dialogs.BeginAsync(NewDealDialog.Name, turn, new Dictionary<string, string?> { [DialogKeys.Amount] = DialogValues.Write(intent.Value) }, cancellationToken);
        if (intent.Name.Length > DealReplies.MaxNameLength)
            return new($"That name is {intent.Name.Length} characters long; please keep it under {DealReplies.MaxNameLength}.");
        if (await deals.FindOpenByExactNameAsync(turn.Rep, intent.Name, cancellationToken) is { } existing)
            return replies.AlreadyExists(existing);
        if (intent.ExpectedClose is { } close && Dates.HasPassed(close, turn.Text, turn.Clock, dates))
            return await dialogs.BeginAsync(NewDealDialog.Name, turn, NewDealDialog.AskCloseAgain(intent), cancellationToken);
        if (intent.NameInDoubt)
            return await dialogs.BeginAsync(NewDealDialog.Name, turn, NewDealDialog.ShowReading(intent), cancellationToken);

        var deal = await deals.CreateAsync(turn.Rep, new NewDeal(intent.Name, intent.Value)
        {
            Account = intent.Account,
            ExpectedClose = intent.ExpectedClose,
            Stage = intent.Stage,
        }, cancellationToken);
        Remember(turn.Memory, new UndoableChange.Created(deal.Id));
        return replies.Created(deal, turn.Clock, turn.Language);
    }

    public async Task<Reply> ListAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        if (open.Count == 0)
            return new("You have no open deals yet. Create one: new deal Acme Corp $45,000") { Buttons = [new("New deal", "new deal")] };
        var stalls = await stallChecks.ForRepAsync(turn.Rep, turn.Clock, cancellationToken);
        return new($"Total: {DealReplies.Totals(open)}")
        {
            Title = $"Your open deals ({open.Count})",
            Facts = [.. open.Select(d => new Fact(d.Name, replies.Describe(d, stalls)))],
            Buttons = [new("Pipeline by stage", "my pipeline")],
        };
    }

    public async Task<Reply> MoveAsync(RepTurn turn, MoveDealIntent intent, CancellationToken cancellationToken)
    {
        if (intent.DealQuery.Length == 0)
            return new("Which deal, and to which stage? For example: move Acme to discovery");
        var found = await deals.FindAsync(turn.Rep, intent.DealQuery, cancellationToken);
        if (intent.StageText.Length == 0 && found is DealMatch.One { Deal: var unstaged })
            return new($"Which stage should {unstaged.Name} move to? It's in {unstaged.Stage.DisplayName()}.")
            {
                Buttons = [.. StageNames.All.Where(s => s != unstaged.Stage).Select(s => new ReplyButton(s.DisplayName(), $"move {unstaged.Name} to {s.DisplayName()}"))],
            };
        if (intent.StageText is MoveDealIntent.NextStage or MoveDealIntent.PreviousStage)
        {
            if (found is DealMatch.Several counted)
                return new($"More than one deal matches \"{intent.DealQuery}\". Which one do you mean?")
                {
                    Buttons = [.. counted.Deals.Select(d => new ReplyButton(d.Name, $"move {d.Name} to the {intent.StageText} stage"))],
                };
            if (found is not DealMatch.One { Deal: var current })
                return await NoSuchDealAsync(turn, intent.DealQuery, cancellationToken);
            if (Neighbour(current, intent.StageText) is not { } neighbour)
                return new(current.Stage.IsClosed() ? $"{current.Name} is closed ({current.Stage.DisplayName()}). Say \"reopen {current.Name}\" to put it back in the pipeline."
                    : intent.StageText == MoveDealIntent.NextStage ? $"{current.Name} is in {current.Stage.DisplayName()}: there is no next stage. Say \"mark {current.Name} won\" or \"lost\" to close it."
                    : $"{current.Name} is in {current.Stage.DisplayName()}, the first stage: there is none before it.");
            intent = intent with { StageText = neighbour.DisplayName() };
        }
        if (!stages.TryRead(intent.StageText, out var stage))
            return new($"I don't know the stage \"{intent.StageText}\". The stages are: {StageNames.ListForHumans()}.");

        switch (found)
        {
            case DealMatch.None:
                return await NoSuchDealAsync(turn, intent.DealQuery, cancellationToken);
            case DealMatch.Several several:
                return new($"More than one deal matches \"{intent.DealQuery}\". Which one do you mean?")
                {
                    Buttons = [.. several.Deals.Select(d => new ReplyButton(d.Name, $"move {d.Name} to {stage.DisplayName()}"))],
                };
            case DealMatch.One { Deal: var deal } when deal.Stage == stage:
                return new($"{deal.Name} is already in {stage.DisplayName()}.");
            case DealMatch.One { Deal: var deal } when !deal.Stage.IsClosed() && !stage.IsClosed() && stage - deal.Stage > 1:
                return await dialogs.BeginAsync(ConfirmSkipDialog.Name, turn, Values(deal, stage), cancellationToken);
            case DealMatch.One { Deal: var deal } when deal.Stage.IsClosed() && !stage.IsClosed():
                return await dialogs.BeginAsync(ConfirmSkipDialog.Name, turn, Values(deal, stage), cancellationToken);
            case DealMatch.One { Deal: var deal }:
                var move = await deals.MoveAsync(deal, stage, cancellationToken);
                Remember(turn.Memory, new UndoableChange.Moved(move));
                if (stage == DealStage.Lost && intent.Reason is { } reason)
                {
                    await deals.SetCloseReasonAsync(deal, move.StageChangeId, $"{reason.Label}: {reason.Words}", cancellationToken);
                    return replies.LostWithReason(deal, reason.Label, turn.Language);
                }
                return stage.IsClosed() ? await AskWhyAsync(turn, deal, move, cancellationToken) : replies.Moved(deal, turn.Language);
            default:
                throw new InvalidOperationException("Unexpected match result");
        }
    }

    public async Task<Reply> EditAsync(RepTurn turn, EditDealIntent edit, CancellationToken cancellationToken)
    {
        if (edit.DealQuery is null)
            return new("Which deal, and what should change? For example: \"change Acme amount to 50k\", \"push Acme close date to March 15\" or \"rename Acme to Acme EMEA\".");
        if (await deals.FindAsync(turn.Rep, edit.DealQuery, cancellationToken) is not DealMatch.One { Deal: var deal })
            return await NoSuchDealAsync(turn, edit.DealQuery, cancellationToken);
        if (edit.Value is { Amount: <= 0 })
            return new("A deal's amount must be more than zero.");
        if (edit.NewName is { Length: > DealReplies.MaxNameLength } || edit.NewName is { Length: 0 })
            return new($"Please give a name of 1 to {DealReplies.MaxNameLength} characters.");
        if (edit.ExpectedClose is { } close && Dates.HasPassed(close, turn.Text, turn.Clock, dates))
            return new($"That date has passed. Which date should {deal.Name} close by?");
        if (edit is { Value: null, NewName: null, ExpectedClose: null })
            return new($"What should change on {deal.Name}? The amount (\"{deal.Name} amount 50k\"), the close date (\"{deal.Name} closes March 15\") or the name (\"rename {deal.Name} to …\").");
        var before = (deal.Name, deal.Account, deal.Amount, deal.Currency, deal.ExpectedCloseDate);
        var changed = await deals.EditAsync(deal, edit.Value, edit.ExpectedClose, edit.NewName, cancellationToken);
        Remember(turn.Memory, new UndoableChange.Edited(deal.Id, before.Name, before.Account, before.Amount, before.Currency, before.ExpectedCloseDate, changed));
        return new($"Updated {deal.Name}: {changed}.") { Buttons = [new($"Show {deal.Name}", $"show deal {deal.Name}"), new("My deals", "my deals")] };
    }

    public async Task<Reply> ReopenAsync(RepTurn turn, string? query, CancellationToken cancellationToken)
    {
        if (query is null)
            return new("Which deal should I reopen? For example: reopen Acme");
        if (await deals.FindAsync(turn.Rep, query, cancellationToken) is not DealMatch.One { Deal: var deal })
            return await NoSuchDealAsync(turn, query, cancellationToken);
        if (!deal.Stage.IsClosed())
            return new($"{deal.Name} is open, in {deal.Stage.DisplayName()}.");
        var before = await deals.StageBeforeCloseAsync(deal, cancellationToken);
        return await dialogs.BeginAsync(ConfirmSkipDialog.Name, turn, Values(deal, before), cancellationToken);
    }

    public async Task<Reply> DeleteAsync(RepTurn turn, string? query, CancellationToken cancellationToken)
    {
        if (query is null)
            return new("Which deal should I delete? For example: delete the Acme deal");
        if (await deals.FindAsync(turn.Rep, query, cancellationToken) is not DealMatch.One { Deal: var deal })
            return await NoSuchDealAsync(turn, query, cancellationToken);
        var values = Values(deal, deal.Stage);
        values[DialogKeys.Delete] = "yes";
        return await dialogs.BeginAsync(ConfirmSkipDialog.Name, turn, values, cancellationToken);
    }

    public async Task<Reply> UndoAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var changes = turn.Memory.Changes;
        if (changes.Count == 0)
            return new("There is nothing to undo.");
        var change = changes[0];
        changes.RemoveAt(0);
        return change switch
        {
            UndoableChange.Created created => await deals.UndoCreateAsync(turn.Rep, created.DealId, cancellationToken) is { } removed
                ? new($"Undone: {removed.Name} is deleted.")
                : new("That deal has had activity since, so I left it. Mark it lost instead if it's dead."),
            UndoableChange.Moved moved => await deals.UndoAsync(turn.Rep, moved.Move, cancellationToken) is { } deal
                ? new($"Undone: {deal.Name} is back in {deal.Stage.DisplayName()}.")
                : new("That deal has changed since, so I left it as it is."),
            UndoableChange.Edited edited => await deals.RestoreAsync(turn.Rep, edited, cancellationToken) is { } deal
                ? new($"Undone: the change to {deal.Name} ({edited.Described}).")
                : new("That deal is gone, so there is nothing to put back."),
            UndoableChange.Deleted deleted => await deals.RestoreDeletedAsync(turn.Rep, deleted.DealId, cancellationToken) is { } deal
                ? new($"Undone: {deal.Name} is back in {deal.Stage.DisplayName()}, with everything logged on it.")
                : new($"{deleted.DealName} can no longer be restored."),
            UndoableChange.Logged logged => await interactions.UndoAsync(turn.Rep, logged.InteractionId, logged.PreviousLastActivityAt, logged.Replaced, cancellationToken) is { } reminders
                ? new($"Undone: the {logged.Kind.ToString().ToLowerInvariant()} on {logged.DealName} is removed{(reminders > 0 ? ", with its reminder" : "")}.")
                : new("That interaction is already gone."),
            UndoableChange.Unlogged unlogged => await interactions.RestoreAsync(turn.Rep, unlogged.Interaction, unlogged.Steps, unlogged.Replaced, unlogged.LastActivityAt, cancellationToken)
                ? new($"Undone: the {unlogged.Interaction.Kind.ToString().ToLowerInvariant()} on {unlogged.DealName} is back{(unlogged.Steps.Count > 0 ? ", with its reminder" : "")}.")
                : new($"The {unlogged.Interaction.Kind.ToString().ToLowerInvariant()} on {unlogged.DealName} can no longer be brought back."),
            UndoableChange.Revised revised => await interactions.UnreviseAsync(turn.Rep, revised.InteractionId, revised.Kind, revised.Summary, cancellationToken)
                ? new($"Undone: the {revised.Kind.ToString().ToLowerInvariant()} on {revised.DealName} reads as before.")
                : new("That interaction is gone."),
            _ => throw new InvalidOperationException($"Cannot undo {change.GetType().Name}"),
        };
    }

    /// <summary>Remembers a change for "undo", newest first.</summary>
    public static void Remember(ConversationMemory memory, UndoableChange change)
    {
        memory.Changes.Insert(0, change);
        if (memory.Changes.Count > UndoDepth)
            memory.Changes.RemoveRange(UndoDepth, memory.Changes.Count - UndoDepth);
    }

    private Task<Reply> AskWhyAsync(RepTurn turn, Deal deal, StageMove move, CancellationToken cancellationToken)
    {
        var intro = replies.Closed(deal, turn.Language);
        var values = Values(deal, deal.Stage);
        values[DialogKeys.Outcome] = deal.Stage.ToString();
        values[DialogKeys.DealName] = deal.Name;
        values[DialogKeys.StageChangeId] = DialogValues.Write(move.StageChangeId);
        values[DialogKeys.Intro] = intro;
        return dialogs.BeginAsync(CloseReasonDialog.Name, turn, values, cancellationToken);
    }

    // The open stage after or before the deal's own; none past either end of the cycle, or for a closed deal.
    private static DealStage? Neighbour(Deal deal, string step) =>
        deal.Stage.IsClosed() ? null
        : step == MoveDealIntent.NextStage ? (deal.Stage == DealStage.FollowUp ? null : deal.Stage + 1)
        : deal.Stage == DealStage.Prospecting ? null : deal.Stage - 1;

    private static Dictionary<string, string?> Values(Deal deal, DealStage stage) =>
        new() { [DialogKeys.DealId] = DialogValues.Write(deal.Id), [DialogKeys.Stage] = stage.ToString() };

    private async Task<Reply> NoSuchDealAsync(RepTurn turn, string query, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        var known = open.Count == 0 ? "You have no open deals yet." : $"Your open deals: {string.Join(", ", open.Take(8).Select(d => d.Name))}.";
        return new($"I couldn't find a deal matching \"{query}\". {known}")
        {
            Buttons = [new($"New deal {query}", $"new deal {query}")],
        };
    }
}
