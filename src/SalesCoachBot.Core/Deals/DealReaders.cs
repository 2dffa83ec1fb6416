using System.Text.RegularExpressions;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Deals;

/// <summary>How a deal's details are read from a message: its name, amount, close date and stage, wherever they are said.</summary>
public sealed partial class DealReaders(AmountRecognizer amounts, DateRecognizer dates, StageFinder stages, UnderstandingModel model)
{
    private const float LostReasonFits = 0.4f;

    /// <summary>"move Acme to proposal" as typed: null when the second part is a date or a field, not a stage.</summary>
    public MoveDealIntent? ExactMove(IntentText text)
    {
        var (deal, stageText) = (text.Part("deal").Trim(' ', '"', '\''), text.Part("stage").Trim());
        if ((CloseDateWords().IsMatch(deal) && !stages.TryRead(stageText, out _)) || dates.Find(Shorthand.Expand(stageText), text.Context.LocalNow, DateLean.Future) is not null)
            return null;
        var query = DealMatcher.FindIn(deal, text.Context.DealNames) ?? deal;
        if (stages.TryRead(stageText, out _))
            return new MoveDealIntent(query, stageText);
        return new MoveDealIntent(query, stages.Find(stageText)?.Named ?? stageText);
    }

    public MoveDealIntent Move(IntentText text, DealStage? closedAs)
    {
        var message = text.Message;
        var deal = text.Deal;
        var withoutDeal = deal is null ? message : RemoveName(message, deal);
        var stage = closedAs is { } outcome ? outcome.ToString().ToLowerInvariant()
            : stages.Find(withoutDeal)?.Named ?? "";
        var intent = new MoveDealIntent(deal ?? Subject(message) ?? "", stage);
        if (closedAs != DealStage.Lost || Words().Matches(withoutDeal).Count < 4)
            return intent;
        var reasons = model.RankLostReasons(model.Embed(withoutDeal));
        return reasons.Count > 0 && reasons[0].Score >= LostReasonFits
            ? intent with { Reason = new CloseReason(model.Content.LostReasons.First(r => r.Id == reasons[0].Label).Label, message) }
            : intent;
    }

    /// <summary>The deal a message is about, open or not: a closed deal to reopen is not among the open ones.</summary>
    public static string? Named(IntentText text) => text.Deal ?? QuotedName(text.Message) ?? Subject(text.Message);

    public EditDealIntent Edit(IntentText text)
    {
        var (message, context) = (text.Message, text.Context);
        if (Rename().Match(message) is { Success: true } rename)
        {
            var named = rename.Groups["old"].Value.Trim();
            return new EditDealIntent(DealMatcher.FindIn(named, context.DealNames) ?? DealMatcher.FindIn(message[..rename.Groups["name"].Index], context.DealNames) ?? (named.Length > 0 ? named : null))
            {
                NewName = rename.Groups["name"].Value.Trim(' ', '"', '\''),
            };
        }
        var deal = text.Deal;
        var rest = deal is null ? message : RemoveName(message, deal);
        var expanded = Shorthand.Expand(rest);
        if (CloseDateWords().IsMatch(expanded) && dates.Find(expanded, context.LocalNow, DateLean.Future) is { } close)
            return new EditDealIntent(deal) { ExpectedClose = DateOnly.FromDateTime(close.Local) };
        if (amounts.Find(rest, context.Language) is { } amount)
            return new EditDealIntent(deal) { Value = amount.Value };
        if (dates.Find(expanded, context.LocalNow, DateLean.Future) is { } date)
            return new EditDealIntent(deal) { ExpectedClose = DateOnly.FromDateTime(date.Local) };
        return new EditDealIntent(deal);
    }

    public static string RemoveName(string message, string deal) =>
        DealMatcher.Locate(message, deal) is { } span ? message.Remove(span.Start, span.Length) : message;

    // A deal that is not among the open ones (a closed deal to reopen): the words after the verb.
    private static string? Subject(string message) =>
        MoveSubject().Match(message) is { Success: true } subject && subject.Groups["deal"].Value.Trim() is { Length: > 0 } deal ? deal : null;

    private static string? QuotedName(string message) =>
        Quoted().Match(message) is { Success: true } quoted ? quoted.Groups["name"].Value : null;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?:move|push|bump|advance|put|set|mark|signed|closed|lost|won|reopen|delete|remove|show)\s+(?:the\s+)?(?<deal>[\p{L}\p{N}&.' -]+?)(?:\s+(?:deal|opp|opportunity))?(?:\s+(?:to|into|as|in|back|->|is|was|forward|along|up)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveSubject();

    [GeneratedRegex(@"\b(?:rename|call)\s+(?:the\s+)?(?<old>.*?)\s*(?:deal\s+)?(?:to|as)\s+(?<name>.+)$|\bname\s+(?:to|is now|should be)\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Rename();

    [GeneratedRegex(@"\b(close|closing|close date|closes|expected|push|pushed|slip|slipped|slips|move|moved|delay|delayed|pull|pulled|date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CloseDateWords();

    [GeneratedRegex(@"[""“'‘](?<name>[^""”'’]{2,60})[""”'’]")]
    private static partial Regex Quoted();
}
