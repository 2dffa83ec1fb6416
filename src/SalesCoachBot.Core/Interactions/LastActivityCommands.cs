using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Interactions;

/// <summary>"delete the last activity", "change the last call to an email", "edit last log: …": fixing what was just logged, undoably.</summary>
public sealed class LastActivityCommands(InteractionService interactions)
{
    public async Task<Reply> ChangeAsync(RepTurn turn, LastActivityIntent change, CancellationToken cancellationToken)
    {
        if (await interactions.LatestAsync(turn.Rep, cancellationToken) is not var (interaction, deal))
            return new("You haven't logged anything yet.");
        var what = $"the {Kind(interaction.Kind)} on {deal.Name} ({Shorten(interaction.Summary)})";
        ReplyButton show = new($"Show {deal.Name}", $"show deal {deal.Name}");
        if (change.Delete)
        {
            // The steps this log had replaced come back with its deletion, so they are known from its undo.
            var replaced = turn.Memory.Changes.OfType<UndoableChange.Logged>().FirstOrDefault(l => l.InteractionId == interaction.Id)?.Replaced ?? [];
            var saved = SavedInteraction.Of(interaction);
            var lastActivity = deal.LastActivityAt;
            var steps = await interactions.DeleteAsync(turn.Rep, interaction, deal, replaced, cancellationToken);
            DealCommands.Remember(turn.Memory, new UndoableChange.Unlogged(saved, steps, replaced, lastActivity, deal.Name));
            return new($"Deleted {what}{(steps.Count > 0 ? ", with its reminder" : "")}. Say *undo* to bring it back.") { Buttons = [new("Undo", "undo"), show] };
        }
        // New words that tell another kind of touch point ("emailed them the deck") make it that kind.
        var kind = change.Kind ?? (change.Summary is { } summary ? InteractionParser.KindIn(summary) : null);
        var (beforeKind, beforeSummary) = await interactions.ReviseAsync(interaction, kind, change.Summary, cancellationToken);
        DealCommands.Remember(turn.Memory, new UndoableChange.Revised(interaction.Id, beforeKind, beforeSummary, deal.Name));
        return new($"Changed {what}: now {Kind(interaction.Kind)}, “{Shorten(interaction.Summary)}”.") { Buttons = [new("Undo", "undo"), show] };
    }

    private static string Kind(InteractionKind kind) => kind.ToString().ToLowerInvariant();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
