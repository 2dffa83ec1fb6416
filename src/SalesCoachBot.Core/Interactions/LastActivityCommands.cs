using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Interactions;

/// <summary>"delete the last activity", "change the last call to an email", "edit last log: …": fixing what was just logged.</summary>
public sealed class LastActivityCommands(InteractionService interactions)
{
    public async Task<Reply> ChangeAsync(RepTurn turn, LastActivityIntent change, CancellationToken cancellationToken)
    {
        if (await interactions.LatestAsync(turn.Rep, cancellationToken) is not var (interaction, deal))
            return new("You haven't logged anything yet.");
        var what = $"the {interaction.Kind.ToString().ToLowerInvariant()} on {deal.Name} ({Shorten(interaction.Summary)})";
        if (change.Delete)
        {
            await interactions.DeleteAsync(turn.Rep, interaction, deal, cancellationToken);
            return new($"Deleted {what}, with its reminder if it had one.") { Buttons = [new($"Show {deal.Name}", $"show deal {deal.Name}")] };
        }
        await interactions.ReviseAsync(interaction, change.Kind, change.Summary, cancellationToken);
        return new($"Changed {what}: now {interaction.Kind.ToString().ToLowerInvariant()}, “{Shorten(interaction.Summary)}”.")
        {
            Buttons = [new($"Show {deal.Name}", $"show deal {deal.Name}")],
        };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
