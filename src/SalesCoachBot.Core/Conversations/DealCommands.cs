using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>The deal commands: new deal, my deals, my pipeline, move, undo.</summary>
public sealed class DealCommands(DealService deals, DealReplies replies, DialogRunner dialogs, Nudges.StallThresholds thresholds)
{
    public async Task<Reply> CreateAsync(RepTurn turn, NewDealIntent intent, CancellationToken cancellationToken)
    {
        if (intent.Name.Length == 0)
            return await dialogs.BeginAsync(NewDealDialog.Name, turn, new Dictionary<string, string?> { ["amount"] = DialogValues.Write(intent.Value) }, cancellationToken);
        if (intent.Name.Length > DealReplies.MaxNameLength)
            return new($"That name is {intent.Name.Length} characters long; please keep it under {DealReplies.MaxNameLength}.");
        if (await deals.FindOpenByExactNameAsync(turn.Rep, intent.Name, cancellationToken) is { } existing)
            return replies.AlreadyExists(existing);

        var deal = await deals.CreateAsync(turn.Rep, new NewDeal(intent.Name, intent.Value)
        {
            Account = intent.Account,
            ExpectedClose = intent.ExpectedClose,
            Stage = intent.Stage,
        }, cancellationToken);
        Remember(turn.Memory, created: deal.Id);
        return replies.Created(deal, turn.Clock);
    }

    public async Task<Reply> ListAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, cancellationToken);
        if (open.Count == 0)
            return new("You have no open deals yet. Create one: new deal Acme Corp $45,000") { Buttons = [new("New deal", "new deal")] };
        var rules = await thresholds.ForRepAsync(turn.Rep, cancellationToken);
        return new($"Total: {DealReplies.Totals(open)}")
        {
            Title = $"Your open deals ({open.Count})",
            Facts = [.. open.Select(d => new Fact(d.Name, replies.Describe(d, rules)))],
            Buttons = [new("Pipeline by stage", "my pipeline")],
        };
    }

    public async Task<Reply> MoveAsync(RepTurn turn, MoveDealIntent intent, CancellationToken cancellationToken)
    {
        if (intent.DealQuery.Length == 0)
            return new("Which deal, and to which stage? For example: move Acme to discovery");
        if (!StageNames.TryParse(intent.StageText, out var stage))
            return new($"I don't know the stage \"{intent.StageText}\". The stages are: {StageNames.ListForHumans()}.");

        switch (await deals.FindAsync(turn.Rep, intent.DealQuery, cancellationToken))
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
            case DealMatch.One { Deal: var deal }:
                var move = await deals.MoveAsync(deal, stage, cancellationToken);
                Remember(turn.Memory, move);
                return stage.IsClosed() ? await AskWhyAsync(turn, deal, move, cancellationToken) : replies.Moved(deal);
            default:
                throw new InvalidOperationException("Unexpected match result");
        }
    }

    public async Task<Reply> UndoAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var memory = turn.Memory;
        if (memory.LastCreatedDealId is { } createdId)
        {
            memory.LastCreatedDealId = null;
            return await deals.UndoCreateAsync(turn.Rep, createdId, cancellationToken) is { } removed
                ? new($"Undone: {removed.Name} is deleted.")
                : new("That deal has had activity since, so I left it. Mark it lost instead if it's dead.");
        }
        if (memory.LastMove is not { } move)
            return new("There is nothing to undo.");
        memory.LastMove = null;
        var deal = await deals.UndoAsync(turn.Rep, move, cancellationToken);
        return deal is null
            ? new("That deal has changed since, so I left it as it is.")
            : new($"Undone: {deal.Name} is back in {deal.Stage.DisplayName()}.");
    }

    /// <summary>Remembers the latest change, so "undo" takes back that one and only that one.</summary>
    public static void Remember(ConversationMemory memory, StageMove? move = null, long? created = null) =>
        (memory.LastMove, memory.LastCreatedDealId) = (move, created);

    private Task<Reply> AskWhyAsync(RepTurn turn, Deal deal, StageMove move, CancellationToken cancellationToken)
    {
        var intro = deal.Stage == DealStage.Won
            ? $"Congratulations, {deal.Name} is won{(deal.Value is { } value ? $" ({value})" : "")}! 🎉"
            : $"{deal.Name} is marked lost.";
        var values = Values(deal, deal.Stage);
        values["outcome"] = deal.Stage.ToString();
        values["stageChangeId"] = DialogValues.Write(move.StageChangeId);
        values["intro"] = intro;
        return dialogs.BeginAsync(CloseReasonDialog.Name, turn, values, cancellationToken);
    }

    private static Dictionary<string, string?> Values(Deal deal, DealStage stage) =>
        new() { ["dealId"] = DialogValues.Write(deal.Id), ["stage"] = stage.ToString() };

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
