using System.Text.RegularExpressions;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Reads a logged touch point from free text: "called Acme yesterday, they want pricing by Friday" →
/// a call with Acme, yesterday, and the next step "they want pricing" due Friday.
/// </summary>
public sealed partial class InteractionParser(DateRecognizer dates)
{
    public LogInteractionIntent? Parse(string message, RecognitionContext context)
    {
        if (LogSentence().Match(message) is not { Success: true } match)
            return null;
        var kind = KindOf(match.Groups["verb"].Value);
        var rest = match.Groups["rest"].Value;
        var summary = LogPrefix().Replace(message, "").Trim();
        summary = summary.Length > 0 ? char.ToUpperInvariant(summary[0]) + summary[1..] : message;

        var split = Separator().Match(rest);
        var head = split.Success ? rest[..split.Index] : rest;
        var tail = split.Success ? rest[(split.Index + split.Length)..].Trim() : "";

        var inline = tail.Length == 0 ? NextStepInHead(head) : null;
        if (inline is not null)
            head = head[..head.LastIndexOf(inline, StringComparison.Ordinal)];

        var when = dates.Find(head, context.LocalNow, DateLean.Past);
        var intent = new LogInteractionIntent(kind, DealNameFinder.Find(head, context.DealNames) ?? NameAfterVerb(head, when), when?.Local, summary);

        var nextText = tail.Length > 0 ? tail : inline;
        if (nextText is null || (!NextStepWords().IsMatch(nextText) && dates.Find(nextText, context.LocalNow, DateLean.Future) is null))
            return intent;
        var due = dates.Find(nextText, context.LocalNow, DateLean.Future);
        return intent with
        {
            NextStep = char.ToUpperInvariant(nextText[0]) + nextText[1..].TrimEnd('.', '!'),
            NextStepDue = due?.Local,
            NextStepHasTime = due?.HasTime ?? false,
        };
    }

    private static InteractionKind KindOf(string verb) => verb.ToLowerInvariant() switch
    {
        var v when v.StartsWith("e") || v.StartsWith("mail") || v.StartsWith("sent") || v.StartsWith("wrote") => InteractionKind.Email,
        var v when v.StartsWith("met") || v.StartsWith("meeting") || v.StartsWith("visit") || v is "lunch" or "coffee" => InteractionKind.Meeting,
        var v when v.StartsWith("demo") || v.StartsWith("present") => InteractionKind.Demo,
        var v when v.StartsWith("note") => InteractionKind.Note,
        _ => InteractionKind.Call,
    };

    // "called Hooli yesterday" → "Hooli": the words after the verb, up to the date or a small word.
    private static string? NameAfterVerb(string head, DateMention? when)
    {
        var text = when is null ? head : head[..when.Start];
        var words = NameWords().Match(text.Trim());
        return words.Success && words.Groups["name"].Value.Length > 0 ? words.Groups["name"].Value.Trim() : null;
    }

    // "log call with Acme demo next Tuesday" has no comma: a future step may follow the name.
    private static string? NextStepInHead(string head)
    {
        var next = InlineNextStep().Match(head);
        return next.Success ? next.Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?:(?:log(?:ged)?|record|add)\s+(?:a |an )?)?(?:(?:i|we|just|today|quick|had|did|gave|a|an)\s+)*(?<verb>called|call|phoned|rang|spoke|talked|emailed|email|e-mailed|mailed|sent an email|wrote|met|meeting|visited|lunch|coffee|demoed|demo'd|demo|presented|note)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LogSentence();

    [GeneratedRegex(@"^(?:(?:log(?:ged)?|record|add)\s+(?:a |an )?)", RegexOptions.IgnoreCase)]
    private static partial Regex LogPrefix();

    [GeneratedRegex(@"\s*(?:[,;:]|\s-\s|\.\s|\s+and\s+(?=they|she|he|we|next|need|will))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:with|to|at|for)?\s*(?<name>[\p{L}\p{N}&.'-]+(?:\s+(?!(?:about|re|and|on|at|today|yesterday|this|last|next|for|to|they|we|he|she|it|regarding|around|in)\b)[\p{L}\p{N}&.'-]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex NameWords();

    [GeneratedRegex(@"\b(want|wants|need|needs|asked|follow|send|next|will|schedule|book|booked|plan|expect|promised)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextStepWords();

    [GeneratedRegex(@"\b(?:demo|call|meeting|proposal|follow[ -]up)\b.*\b(?:next|tomorrow|on|in)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineNextStep();
}
