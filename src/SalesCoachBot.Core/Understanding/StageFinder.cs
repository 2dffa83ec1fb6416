using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>A stage named in a sentence: where it was written, and which stage (null: "the next one").</summary>
public sealed record StageMention(int Start, int Length, DealStage? Stage);

/// <summary>
/// The one vocabulary of stage names: the built-in ones (<see cref="StageNames.BuiltIn"/>) and each stage's
/// <c>alsoCalled</c> in <c>dialogs/stages.yaml</c> ("qualification", "legal review"), read alike in chat, in exact
/// commands and in an import.
/// </summary>
public sealed partial class StageFinder
{
    private static readonly string[] NextStage = ["next stage", "the next stage", "next step in the pipeline", "next phase"];

    private readonly Dictionary<string, DealStage> byKey;
    private readonly Regex names;

    public StageFinder(SalesContent content)
    {
        var all = StageNames.BuiltIn.Concat(StageNames.Open.SelectMany(s => content.For(s).AlsoCalled.Select(name => (name, s)))).ToList();
        byKey = StageNames.ByKey(all);
        // Hyphens are replaced before spaces: what stands for a space holds a hyphen of its own.
        var alternatives = all.Select(n => n.Item1).Concat(NextStage).Select(n => Spaces().Replace(n.Trim().ToLowerInvariant(), " ")).Distinct()
            .OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace("-", @"[\s-]?").Replace(@"\ ", @"[\s-]+"));
        names = new Regex($@"(?<![\w-])(?:{string.Join("|", alternatives)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }

    /// <summary>The stage the whole text names ("legal review", "the proposal stage"); false for anything else.</summary>
    public bool TryRead(string text, out DealStage stage) => StageNames.TryRead(text, byKey, out stage);

    /// <summary>
    /// The stage a sentence moves a deal to, by any of its names or "next stage", anywhere in the sentence. When several
    /// are named, the one after "to" wins ("from discovery to proposal"), else the last.
    /// </summary>
    public StageMention? Find(string text)
    {
        var mentions = names.Matches(text).Select(m => new StageMention(m.Index, m.Length, byKey.TryGetValue(StageNames.Key(m.Value), out var s) ? s : null)).ToList();
        if (mentions.Count == 0)
            return null;
        return mentions.LastOrDefault(m => Towards().IsMatch(text[..m.Start])) ?? mentions[^1];
    }

    [GeneratedRegex(@"(?:\bto|\binto|->|→|=>|>|\bmoved|\bnow in|\bin)\s*(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Towards();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();
}
