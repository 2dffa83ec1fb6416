using System.Text.RegularExpressions;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Reads a logged touch point from free text, wherever its parts are: "called Acme yesterday, they want
/// pricing by Friday" or "acme rang back, want pricing fri" → a call with Acme, when it happened, and
/// the next step with its date.
/// </summary>
public sealed partial class InteractionParser(DateRecognizer dates)
{
    public LogInteractionIntent Read(string message, RecognitionContext context)
    {
        var summary = LogPrefix().Replace(message, "").Trim();
        summary = summary.Length > 0 ? char.ToUpperInvariant(summary[0]) + summary[1..] : message;
        var text = Shorthand.Expand(LogPrefix().Replace(message, ""));

        var split = Separator().Match(text);
        var head = split.Success ? text[..split.Index] : text;
        var tail = split.Success ? text[(split.Index + split.Length)..].Trim() : "";
        var afterVerb = VerbFirst().Match(head) is { Success: true } verb ? verb.Groups["rest"].Index : 0;
        var inline = tail.Length == 0 && InlineNextStep().Match(head, afterVerb) is { Success: true } next ? next.Value.Trim() : null;
        if (inline is not null)
            head = head[..head.LastIndexOf(inline, StringComparison.Ordinal)];

        var when = dates.Find(head, context.LocalNow, DateLean.Past);
        var deal = Deals.DealMatcher.FindIn(text, context.DealNames) ?? NameAfterVerb(head, when);
        var intent = new LogInteractionIntent(KindOf(text), deal, when?.Local, summary);

        var nextText = tail.Length > 0 ? tail : inline;
        if (nextText is null)
            return intent;
        var (step, due) = StepIn(nextText, context);
        if (!NextStepWords().IsMatch(step) && due is null)
            return intent;
        return intent with
        {
            NextStep = char.ToUpperInvariant(step[0]) + step[1..].TrimEnd('.', '!'),
            NextStepDue = due?.Local,
            NextStepHasTime = due?.HasTime ?? false,
        };
    }

    /// <summary>
    /// The next step in what follows the touch point: the action and its date, at most a sentence. A note of
    /// several sentences ends with what comes next, so its last dated sentence is the step, else its last
    /// that names one; a clause of it when the sentence runs on.
    /// </summary>
    private (string Step, DateMention? Due) StepIn(string text, RecognitionContext context)
    {
        var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var dated = sentences.Select(s => (Text: s, Due: dates.Find(s, context.LocalNow, DateLean.Future))).LastOrDefault(s => s.Due is not null);
        var (step, due) = dated.Text is not null ? dated
            : (sentences.LastOrDefault(s => NextStepWords().IsMatch(s)) ?? sentences.FirstOrDefault() ?? text.Trim(), null);
        if (step.Length <= MaxStepLength)
            return (step, due);
        var clause = ClauseEnd().Split(step).Select(c => c.Trim()).Where(c => c.Length > 0)
            .LastOrDefault(c => due is null ? NextStepWords().IsMatch(c) : dates.Find(c, context.LocalNow, DateLean.Future) is not null) ?? step;
        if (clause.Length <= MaxStepLength)
            return (clause, due);
        var cut = clause.LastIndexOf(' ', MaxStepLength - 1);
        return (clause[..(cut > 0 ? cut : MaxStepLength)] + "…", due);
    }

    private const int MaxStepLength = 160;

    /// <summary>What kind of touch point the sentence reports: the earliest word that tells, else a note.</summary>
    public static InteractionKind KindOf(string text) => KindIn(text) ?? InteractionKind.Note;

    /// <summary>The kind of touch point a word in the sentence tells, or null when none does.</summary>
    public static InteractionKind? KindIn(string text)
    {
        var found = Kinds.Select(k => (k.Kind, Match: k.Words.Match(text))).Where(k => k.Match.Success)
            .OrderBy(k => k.Match.Index).FirstOrDefault();
        return found.Match is null ? null : found.Kind;
    }

    private static readonly (InteractionKind Kind, Regex Words)[] Kinds =
    [
        (InteractionKind.Demo, DemoWords()),
        (InteractionKind.Meeting, MeetingWords()),
        (InteractionKind.Email, EmailWords()),
        (InteractionKind.Call, CallWords()),
        (InteractionKind.Note, NoteWords()),
    ];

    // "called Hooli yesterday" → "Hooli": the words after the verb, up to the date or a small word.
    private static string? NameAfterVerb(string head, DateMention? when)
    {
        var text = when is null ? head : head[..when.Start];
        if (VerbFirst().Match(text.Trim()) is not { Success: true } verb)
            return null;
        var words = NameWords().Match(verb.Groups["rest"].Value.Trim());
        return words.Success && words.Groups["name"].Value.Length > 0 ? words.Groups["name"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?:(?:log(?:ged)?|record|add)\s+(?:a |an )?)", RegexOptions.IgnoreCase)]
    private static partial Regex LogPrefix();

    [GeneratedRegex(@"^(?:(?:i|we|just|today|quick|had|did|gave|a|an)\s+)*(?:called|call|phoned|rang|spoke|talked|emailed|email|e-mailed|mailed|sent an email|wrote|met|meeting|visited|lunch|coffee|demoed|demo'd|demo|presented|note)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex VerbFirst();

    [GeneratedRegex(@"\s*(?:[,;:]|\s[-–—]\s|\.\s|\s+(?:and|but|so)\s+(?=they|she|he|we|i|next|need|will|want|asked))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:with|to|at|for)?\s*(?<name>[\p{L}\p{N}&.'-]+(?:\s+(?!(?:about|re|and|on|at|today|yesterday|this|last|next|for|to|they|we|he|she|it|regarding|around|in)\b)[\p{L}\p{N}&.'-]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex NameWords();

    [GeneratedRegex(@"(?<=[.!?])\s+|\s*[\r\n]+\s*|;\s*")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s+|\s+[-–—]\s+|:\s+")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\b(want|wants|wanted|need|needs|asked|follow|send|sending|next|will|schedule|book|booked|plan|expect|promised|waiting|awaiting|decide|decision|review|meet|call back|get back)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextStepWords();

    [GeneratedRegex(@"\b(?:demo|call|meeting|proposal|follow[ -]up)\b.*\b(?:next|tomorrow|on|in)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineNextStep();

    [GeneratedRegex(@"\b(demo(s|ed|'d|ing)?|walk ?through|walked (them|him|her) through|showed (them|him|her) the|product tour|presentation|presented|poc|pilot kick)", RegexOptions.IgnoreCase)]
    private static partial Regex DemoWords();

    [GeneratedRegex(@"\b(met|meet(ing|ings)?|zoom|google meet|teams meeting|on-?site|in person|in-person|visit(ed)?|lunch|coffee|dinner|breakfast|drinks|workshop|no-?show|conference|booth|face to face)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingWords();

    [GeneratedRegex(@"\b(e-?mail(ed|s)?|mailed|inbox|repl(y|ied)|wrote|sent (over |them |him |her )?(the |a |our )?(pricing|proposal|quote|recap|deck|contract|summary|follow-?up|info|information|case stud|one-pager|sow|msa|order form|docs?))", RegexOptions.IgnoreCase)]
    private static partial Regex EmailWords();

    [GeneratedRegex(@"\b(call(ed|s|ing)?|phone(d)?|rang|ring|voicemail|dial(l?ed)?|spoke|spoken|talked|talk|hung up|got off the phone|picked up|no answer|cold-?called)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallWords();

    [GeneratedRegex(@"\b(linkedin|text(ed)?|sms|whatsapp|dm(ed|'d)?|messaged|pinged|slack(ed)?|note)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoteWords();
}
