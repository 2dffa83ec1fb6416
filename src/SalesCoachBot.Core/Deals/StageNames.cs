using System.Text.RegularExpressions;

namespace SalesCoachBot.Deals;

/// <summary>The stages in order, and the names the product gives them; a team's own names come from <c>dialogs/stages.yaml</c>.</summary>
public static partial class StageNames
{
    public static IReadOnlyList<DealStage> All { get; } = Enum.GetValues<DealStage>();

    /// <summary>The seven stages of the sales cycle, without the outcomes.</summary>
    public static IReadOnlyList<DealStage> Open { get; } = [.. All.Where(s => !s.IsClosed())];

    /// <summary>Every stage by its display name and the other names reps commonly use ("follow up", "closed won").</summary>
    public static IReadOnlyList<(string Name, DealStage Stage)> BuiltIn { get; } =
    [
        .. All.Select(s => (s.DisplayName(), s)),
        ("prospect", DealStage.Prospecting),
        ("initial", DealStage.InitialContact), ("contact", DealStage.InitialContact), ("contacted", DealStage.InitialContact),
        ("first contact", DealStage.InitialContact),
        ("negotiating", DealStage.Negotiation), ("negotiations", DealStage.Negotiation),
        ("follow up", DealStage.FollowUp),
        ("closed won", DealStage.Won), ("win", DealStage.Won),
        ("closed lost", DealStage.Lost),
        ("menang", DealStage.Won), ("kalah", DealStage.Lost),
    ];

    private static readonly Dictionary<string, DealStage> BuiltInByKey = ByKey(BuiltIn);

    /// <summary>A stage by a built-in name only, as <c>stages.yaml</c> names the stage it describes.</summary>
    public static bool TryParse(string text, out DealStage stage) => TryRead(text, BuiltInByKey, out stage);

    /// <summary>
    /// The stage the whole text names, among names keyed by <see cref="Key"/>: "Initial Contact", "follow-up",
    /// "the negotiation stage", "closed won".
    /// </summary>
    public static bool TryRead(string text, IReadOnlyDictionary<string, DealStage> byKey, out DealStage stage)
    {
        var key = Key(text);
        if (!byKey.ContainsKey(key) && key.EndsWith("stage", StringComparison.Ordinal) && key.Length > "stage".Length)
            key = key[..^"stage".Length];
        if (!byKey.ContainsKey(key) && key.StartsWith("the", StringComparison.Ordinal))
            key = key[3..];
        return byKey.TryGetValue(key, out stage);
    }

    /// <summary>A name as it is compared: its letters, lower-cased, so "Follow-up", "follow up" and "FOLLOWUP" are one name.</summary>
    public static string Key(string name) => NotALetter().Replace(name.ToLowerInvariant(), "");

    public static Dictionary<string, DealStage> ByKey(IEnumerable<(string Name, DealStage Stage)> names)
    {
        var byKey = new Dictionary<string, DealStage>(StringComparer.Ordinal);
        foreach (var (name, stage) in names)
            byKey[Key(name)] = stage;
        return byKey;
    }

    public static string ListForHumans() => string.Join(", ", All.Select(s => s.DisplayName()));

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NotALetter();
}
