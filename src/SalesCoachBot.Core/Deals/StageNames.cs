using System.Text.RegularExpressions;

namespace SalesCoachBot.Deals;

/// <summary>Reads a stage from what a rep types: "discovery", "Initial Contact", "follow up", "closed won".</summary>
public static partial class StageNames
{
    private static readonly Dictionary<string, DealStage> Aliases = new(StringComparer.Ordinal)
    {
        ["prospecting"] = DealStage.Prospecting,
        ["prospect"] = DealStage.Prospecting,
        ["initialcontact"] = DealStage.InitialContact,
        ["initial"] = DealStage.InitialContact,
        ["contact"] = DealStage.InitialContact,
        ["contacted"] = DealStage.InitialContact,
        ["discovery"] = DealStage.Discovery,
        ["proposal"] = DealStage.Proposal,
        ["negotiation"] = DealStage.Negotiation,
        ["negotiating"] = DealStage.Negotiation,
        ["closing"] = DealStage.Closing,
        ["followup"] = DealStage.FollowUp,
        ["won"] = DealStage.Won,
        ["closedwon"] = DealStage.Won,
        ["win"] = DealStage.Won,
        ["lost"] = DealStage.Lost,
        ["closedlost"] = DealStage.Lost,
    };

    public static IReadOnlyList<DealStage> All { get; } = Enum.GetValues<DealStage>();

    /// <summary>The seven stages of the sales cycle, without the outcomes.</summary>
    public static IReadOnlyList<DealStage> Open { get; } = [.. All.Where(s => !s.IsClosed())];

    public static bool TryParse(string text, out DealStage stage)
    {
        var key = NotALetter().Replace(text.ToLowerInvariant(), "");
        if (key.EndsWith("stage", StringComparison.Ordinal) && key.Length > "stage".Length)
            key = key[..^"stage".Length];
        if (key.StartsWith("the", StringComparison.Ordinal) && Aliases.ContainsKey(key[3..]))
            key = key[3..];
        return Aliases.TryGetValue(key, out stage);
    }

    public static string ListForHumans() => string.Join(", ", All.Select(s => s.DisplayName()));

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NotALetter();
}
