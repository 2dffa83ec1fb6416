using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>A stage named in a sentence: where it was written, and which stage (null: "the next one").</summary>
public sealed record StageMention(int Start, int Length, DealStage? Stage);

/// <summary>
/// Finds the stage a sentence moves a deal to, by its name or any other name for it ("qualification",
/// "legal review", "closed won", "next stage"), anywhere in the sentence. When several are named, the
/// one after "to" wins ("from discovery to proposal"), else the last.
/// </summary>
public sealed partial class StageFinder
{
    private readonly Regex names;
    private readonly Dictionary<string, DealStage?> byName = new(StringComparer.OrdinalIgnoreCase);

    public StageFinder(SalesContent content)
    {
        foreach (var stage in StageNames.All)
            Add(stage.DisplayName(), stage);
        foreach (var (name, stage) in BuiltIn)
            Add(name, stage);
        foreach (var stage in StageNames.Open)
            foreach (var name in content.For(stage).AlsoCalled)
                Add(name, stage);
        foreach (var name in NextStage)
            Add(name, null);
        var alternatives = byName.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace(@"\ ", @"[\s-]+").Replace("-", @"[\s-]?"));
        names = new Regex($@"(?<![\w-])(?:{string.Join("|", alternatives)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }

    public StageMention? Find(string text)
    {
        var mentions = names.Matches(text).Select(m => new StageMention(m.Index, m.Length, Lookup(m.Value))).ToList();
        if (mentions.Count == 0)
            return null;
        return mentions.LastOrDefault(m => Towards().IsMatch(text[..m.Start])) ?? mentions[^1];
    }

    private DealStage? Lookup(string written) =>
        byName.TryGetValue(Spaces().Replace(written, " "), out var stage) ? stage
        : byName.FirstOrDefault(p => Spaces().Replace(p.Key, "") == Spaces().Replace(written, "")).Value;

    private void Add(string name, DealStage? stage) => byName[Spaces().Replace(name.Trim().ToLowerInvariant(), " ")] = stage;

    private static readonly (string, DealStage)[] BuiltIn =
    [
        ("prospect", DealStage.Prospecting), ("initial", DealStage.InitialContact), ("first contact", DealStage.InitialContact),
        ("negotiating", DealStage.Negotiation), ("negotiations", DealStage.Negotiation), ("follow up", DealStage.FollowUp),
        ("closed won", DealStage.Won), ("closed-won", DealStage.Won), ("won", DealStage.Won),
        ("closed lost", DealStage.Lost), ("closed-lost", DealStage.Lost), ("lost", DealStage.Lost),
    ];

    private static readonly string[] NextStage = ["next stage", "the next stage", "next step in the pipeline", "next phase"];

    [GeneratedRegex(@"(?:\bto|\binto|->|→|=>|>|\bmoved|\bnow in|\bin)\s*(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Towards();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();
}
