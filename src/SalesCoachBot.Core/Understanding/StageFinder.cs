using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>
/// A stage named in a sentence: where it was written, and which stage; null for one counted from the deal's own
/// ("the next stage", "back a stage"), <see cref="Step"/> stages on.
/// </summary>
public sealed record StageMention(int Start, int Length, DealStage? Stage)
{
    public int Step { get; init; }

    /// <summary>The stage as a move keeps it: its name, or <see cref="MoveDealIntent.NextStage"/> / <see cref="MoveDealIntent.PreviousStage"/>.</summary>
    public string Named => Stage?.DisplayName() ?? (Step < 0 ? MoveDealIntent.PreviousStage : MoveDealIntent.NextStage);
}

/// <summary>
/// The one vocabulary of stage names: the built-in ones (<see cref="StageNames.BuiltIn"/>) and each stage's
/// <c>alsoCalled</c> in <c>dialogs/stages.yaml</c> ("qualification", "legal review"), read alike in chat, in exact
/// commands and in an import.
/// </summary>
public sealed partial class StageFinder
{
    // A stage counted from the deal's own: "the next stage", "one stage forward", "up a stage"; "back a stage", "the previous stage".
    private const string OneStage = @"(?:one|a|1)[\s-]+(?:stage|phase)";
    private const string Next = @"(?:the\s+)?next\s+(?:stage|phase|step\s+in\s+the\s+pipeline)|" + OneStage + @"\s+(?:forward|further|ahead|up|on)|(?:forward|ahead|up)\s+" + OneStage
        + @"|(?:tahap|tahapan|stage)\s+(?:berikutnya|selanjutnya)|(?:satu|1)\s+(?:tahap|stage)(?:\s+(?:ke\s+depan|lagi))?";
    private const string Previous = @"(?:the\s+)?(?:previous|prior)\s+(?:stage|phase)|" + OneStage + @"\s+(?:back|backwards?|down)|(?:back|backwards?|down)\s+" + OneStage
        + @"|(?:tahap|tahapan|stage)\s+sebelumnya|(?:satu|1)\s+(?:tahap|stage)\s+ke\s+belakang";

    private readonly Dictionary<string, DealStage> byKey;
    private readonly Regex names;

    public StageFinder(SalesContent content)
    {
        var all = StageNames.BuiltIn.Concat(StageNames.Open.SelectMany(s => content.For(s).AlsoCalled.Select(name => (name, s)))).ToList();
        byKey = StageNames.ByKey(all);
        var alternatives = all.Select(n => Spaces().Replace(n.Item1.Trim().ToLowerInvariant(), " ")).Distinct()
            .OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"[\s-]+"));
        names = new Regex($@"(?<![\w-])(?:(?<next>{Next})|(?<previous>{Previous})|{string.Join("|", alternatives)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }

    /// <summary>The stage the whole text names ("legal review", "the proposal stage"); false for anything else.</summary>
    public bool TryRead(string text, out DealStage stage) => StageNames.TryRead(text, byKey, out stage);

    /// <summary>
    /// The stage a sentence moves a deal to, by any of its names or counted from the deal's own, anywhere in the sentence. When several
    /// are named, the one after "to" wins ("from discovery to proposal"), else the last.
    /// </summary>
    public StageMention? Find(string text)
    {
        var mentions = names.Matches(text).Select(Mention).OfType<StageMention>()
            .Where(m => !AnActivity(text, m)).ToList();
        if (mentions.Count == 0)
            return null;
        return mentions.LastOrDefault(m => Towards().IsMatch(text[..m.Start])) ?? mentions[^1];
    }

    // "follow up with Acme", "a discovery call on Friday": a stage's word for something the rep does, not where the deal is;
    // after "to", only following up with someone ("need to follow up with Acme"), as "move Acme to discovery on Friday" is a move.
    private static bool AnActivity(string text, StageMention mention)
    {
        var after = text[(mention.Start + mention.Length)..];
        return Towards().IsMatch(text[..mention.Start])
            ? mention.Stage == DealStage.FollowUp && WithSomeone().IsMatch(after)
            : ActivityWords().IsMatch(after);
    }

    private StageMention? Mention(Match match) =>
        match.Groups["next"].Success ? new(match.Index, match.Length, null) { Step = 1 }
        : match.Groups["previous"].Success ? new(match.Index, match.Length, null) { Step = -1 }
        : byKey.TryGetValue(StageNames.Key(match.Value), out var stage) ? new(match.Index, match.Length, stage)
        : null;

    [GeneratedRegex(@"(?:\bto|\binto|->|→|=>|>|\bmoved|\bnow in|\bin|\bke|\bjadi|\bmenjadi|\bmasuk|\bdi)\s*(?:the\s+|tahap\s+|stage\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Towards();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?:w/|(?:with|on|re|about|regarding|call|calls|meeting|session|email|e-mail|next|tomorrow|tmrw|ke|sama|dengan|dgn|bareng|soal|tentang|besok)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityWords();

    [GeneratedRegex(@"^\s*(?:w/|(?:with|re|about|regarding|ke|sama|dengan|dgn|bareng)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WithSomeone();
}
