using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Understanding;

/// <summary>
/// What a message means, and whether the bot is sure enough to act on it without asking; for a message
/// read by the model, its two nearest intents with their scores.
/// </summary>
public sealed record Reading(Intent Intent, bool Sure)
{
    public LabelScore? Best { get; init; }
    public LabelScore? Second { get; init; }
}

/// <summary>
/// Turns one message into an <see cref="Intent"/>: commands in their exact shape first; otherwise the
/// intent whose examples the message is nearest to, then its details found anywhere in the sentence.
/// When the nearest intents are weak or close, it says so (<see cref="UnsureIntent"/>) instead of guessing.
/// </summary>
public sealed partial class UtteranceRecognizer(AmountRecognizer amounts, DateRecognizer dates, InteractionParser interactions,
    GoalParser goals, SalesContent content, UnderstandingModel model, StageFinder stages)
{
    /// <summary>A nearest-examples score from which an intent is acted on, if no other is within <see cref="Margin"/>.</summary>
    public const float Confident = 0.32f;

    public const float Margin = 0.04f;

    /// <summary>Closing, reopening or deleting a deal on a misreading costs more: those need a clearer message.</summary>
    public const float ConfidentToClose = 0.42f;

    private static readonly HashSet<string> HighStakes = [IntentIds.Won, IntentIds.Lost, IntentIds.Reopen, IntentIds.DeleteDeal];

    /// <summary>
    /// Showing something changes nothing, and a wrong look-up is cheaper than a question: a look-up with no
    /// rival near it is acted on from here ("show Zeta7x1", a deal name the sentence model has never seen).
    /// </summary>
    public const float ConfidentToLook = 0.27f;

    /// <summary>How far ahead of the next reading a look-up must be to act below <see cref="Confident"/>.</summary>
    public const float ClearLead = 0.08f;

    private static readonly HashSet<string> LookUps = [IntentIds.ShowDeal, IntentIds.ListDeals, IntentIds.Pipeline, IntentIds.Stalled,
        IntentIds.Overdue, IntentIds.GoalShow, IntentIds.Numbers, IntentIds.TimeZoneShow];

    /// <summary>Below this, nothing fits: the bot says it is not sure what was meant.</summary>
    public const float Plausible = 0.22f;

    private const float LostReasonFits = 0.4f;

    // A touch point that mentions what the prospect pushed back on is still a touch point, and the log keeps
    // their words: a log ahead of an objection is not a close call.
    private static bool LogOverObjection(LabelScore best, LabelScore second) =>
        best.Label == IntentIds.Log && second.Label == IntentIds.Objection;

    public Intent Recognize(string text, RecognitionContext context) => Read(text, context).Intent;

    internal StageFinder Stages => stages;

    public Reading Read(string text, RecognitionContext context)
    {
        var message = Clean(text);
        if (ExactCommands.Read(message, rest => ReadNewDeal(rest, context), rest => ReadObjection(rest, context, byName: true),
                () => interactions.Read(message, context), () => goals.Parse(message), (deal, stage) => ExactMove(deal, stage, context)) is { } exact)
            return new Reading(exact, true);
        if (content.Playbook.ByName(message) is { } named && !message.Contains(' '))
            return new Reading(new ObjectionIntent(named.Id, null, message), true);

        var vector = model.Embed(message);
        var ranked = model.RankIntents(vector, message);
        var (best, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : new LabelScore("", 0));
        if (best.Label == IntentIds.None && best.Score - second.Score >= Margin)
            return new Reading(new UnknownIntent(message) { Closest = Choices(ranked.Skip(1).ToList(), message, context, vector) }, false) { Best = best, Second = second };
        if ((best.Score >= (HighStakes.Contains(best.Label) ? ConfidentToClose : Confident) && (best.Score - second.Score >= Margin || LogOverObjection(best, second)))
            || (LookUps.Contains(best.Label) && best.Score >= ConfidentToLook && best.Score - second.Score >= ClearLead))
            return new Reading(Interpret(best.Label, message, context, vector), true) { Best = best, Second = second };

        var choices = Choices(ranked, message, context, vector);
        return best.Score >= Plausible
            ? new Reading(new UnsureIntent(message, choices), false) { Best = best, Second = second }
            : new Reading(new UnknownIntent(message) { Closest = choices }, false) { Best = best, Second = second };
    }

    /// <summary>The message read as the given intent (or <c>objection:category</c>), its details found anywhere in it.</summary>
    public Intent Interpret(string label, string text, RecognitionContext context, float[]? vector = null)
    {
        var message = Clean(text);
        if (label.StartsWith(IntentIds.Objection + ":", StringComparison.Ordinal))
            return new ObjectionIntent(label[(IntentIds.Objection.Length + 1)..], FindDeal(message, context), message);
        return label switch
        {
            IntentIds.Log => interactions.Read(message, context),
            IntentIds.NewDeal => ReadNewDeal(NewDealLead().Match(message) is { Success: true } lead ? message[(lead.Index + lead.Length)..] : message, context),
            IntentIds.Move => ReadMove(message, context, closedAs: null),
            IntentIds.Won => ReadMove(message, context, DealStage.Won),
            IntentIds.Lost => ReadMove(message, context, DealStage.Lost),
            IntentIds.Objection => ReadObjection(message, context, byName: false, vector),
            IntentIds.ShowDeal => new ShowDealIntent(FindDeal(message, context) ?? QuotedName(message) ?? Subject(message)),
            IntentIds.ListDeals => new ListDealsIntent(),
            IntentIds.Pipeline => new PipelineIntent(),
            IntentIds.Stalled => new StalledDealsIntent(),
            IntentIds.Overdue => new OverdueIntent(),
            IntentIds.EditDeal => ReadEdit(message, context),
            IntentIds.Reopen => new ReopenDealIntent(FindDeal(message, context) ?? QuotedName(message) ?? Subject(message)),
            IntentIds.DeleteDeal => new DeleteDealIntent(FindDeal(message, context) ?? QuotedName(message) ?? Subject(message)),
            IntentIds.GoalSet => goals.Parse(message) ?? (Intent)new IncompleteIntent(label, "What's the goal? For example: \"20 calls a week\", \"close 3 deals this month\" or \"$50k this quarter\"."),
            IntentIds.GoalShow => new ShowGoalsIntent(),
            IntentIds.Numbers => SchedulingPhrases.ReadNumbers(message),
            IntentIds.Snooze => FindDeal(message, context) is { } snoozed
                ? new SnoozeIntent(snoozed, SchedulingPhrases.DurationIn(Shorthand.Expand(message)) ?? TimeSpan.FromDays(3))
                : new IncompleteIntent(label, "Which deal should I keep quiet about? For example: \"snooze Acme 1 week\"."),
            IntentIds.PauseNudges => new PauseNudgesIntent(SchedulingPhrases.DurationIn(Shorthand.Expand(message)) ?? UntilDate(message, context)),
            IntentIds.ResumeNudges => new ResumeNudgesIntent(),
            IntentIds.StageTips => new StageTipsIntent(FindDeal(message, context) ?? ""),
            IntentIds.Team => SchedulingPhrases.ReadTeam(message),
            IntentIds.DigestSubscribe => SchedulingPhrases.ReadDigest(message),
            IntentIds.DigestStop => new StopDigestIntent(),
            IntentIds.TimeZoneSet => ZoneIn(message) is { } zone ? new SetTimeZoneIntent(zone)
                : new IncompleteIntent(label, "Which time zone? For example: \"set my timezone to Europe/Berlin\", \"Jakarta\" or \"CET\"."),
            IntentIds.TimeZoneShow => new ShowTimeZoneIntent(),
            IntentIds.Undo => new UndoIntent(),
            IntentIds.Cancel => new CancelIntent(),
            IntentIds.Help => new HelpIntent(),
            IntentIds.Thanks => new ThanksIntent(),
            _ => new UnknownIntent(message),
        };
    }

    private static string Clean(string text)
    {
        var message = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!');
        return SlashCommand().Replace(message, "");
    }

    // The top readings within reach of the best, each with its details, for the rep to pick from.
    private List<IntentChoice> Choices(IReadOnlyList<LabelScore> ranked, string message, RecognitionContext context, float[] vector)
    {
        var choices = new List<IntentChoice>();
        foreach (var score in ranked.Where(s => s.Label != IntentIds.None && s.Score >= ranked[0].Score - 0.12f).Take(3))
        {
            if (score.Label == IntentIds.Objection && model.RankObjections(vector, message) is [var first, ..])
            {
                var category = content.Playbook.Get(first.Label)!;
                choices.Add(new IntentChoice(IntentIds.ObjectionOf(category.Id), $"Objection: {category.Name}",
                    new ObjectionIntent(category.Id, FindDeal(message, context), message)));
                continue;
            }
            var intent = Interpret(score.Label, message, context, vector);
            choices.Add(new IntentChoice(score.Label, IntentTitles.Of(intent, model.Content.LabelOf(score.Label)), intent));
        }
        return choices;
    }

    private ObjectionIntent ReadObjection(string text, RecognitionContext context, bool byName, float[]? vector = null)
    {
        var deal = FindDeal(text, context);
        var rest = ForDeal().Replace(deal is null ? text : RemoveName(text, deal), " ").Trim();
        if (byName && content.Playbook.ByName(rest.Split(' ', 2)[0]) is { } named)
            return new ObjectionIntent(named.Id, deal, text.Trim());
        if (!Words().IsMatch(rest))
            return new ObjectionIntent(null, deal, text.Trim());
        var ranked = byName ? model.RankObjections(model.Embed(rest), rest) : model.RankObjections(vector ?? model.Embed(text), text);
        return new ObjectionIntent(ranked[0].Label, deal, text.Trim());
    }

    private MoveDealIntent ReadMove(string message, RecognitionContext context, DealStage? closedAs)
    {
        var deal = FindDeal(message, context);
        var withoutDeal = deal is null ? message : RemoveName(message, deal);
        var stage = closedAs is { } outcome ? outcome.ToString().ToLowerInvariant()
            : stages.Find(withoutDeal) is { } mention ? mention.Stage?.DisplayName() ?? MoveDealIntent.NextStage
            : "";
        var query = deal ?? Subject(message) ?? "";
        var intent = new MoveDealIntent(query, stage);
        if (closedAs != DealStage.Lost || Words().Matches(withoutDeal).Count < 4)
            return intent;
        var reasons = model.RankLostReasons(model.Embed(withoutDeal));
        return reasons.Count > 0 && reasons[0].Score >= LostReasonFits
            ? intent with { Reason = new CloseReason(model.Content.LostReasons.First(r => r.Id == reasons[0].Label).Label, message) }
            : intent;
    }

    // "move acme back to discovery": the rep's deal named in the first part, the stage by any of its names.
    // "push acme close date to March 1" is no move: a date or a deal's field is left to the model.
    private MoveDealIntent? ExactMove(string deal, string stageText, RecognitionContext context)
    {
        if ((CloseDateWords().IsMatch(deal) && !stages.TryRead(stageText, out _)) || dates.Find(Shorthand.Expand(stageText), context.LocalNow, DateLean.Future) is not null)
            return null;
        var query = DealMatcher.FindIn(deal, context.DealNames) ?? deal;
        if (stages.TryRead(stageText, out _))
            return new MoveDealIntent(query, stageText);
        return new MoveDealIntent(query, stages.Find(stageText) is { } mention ? mention.Stage?.DisplayName() ?? MoveDealIntent.NextStage : stageText);
    }

    private EditDealIntent ReadEdit(string message, RecognitionContext context)
    {
        if (Rename().Match(message) is { Success: true } rename)
        {
            var named = rename.Groups["old"].Value.Trim();
            return new EditDealIntent(FindDeal(named, context) ?? FindDeal(message[..rename.Groups["name"].Index], context) ?? (named.Length > 0 ? named : null))
            {
                NewName = rename.Groups["name"].Value.Trim(' ', '"', '\''),
            };
        }
        var deal = FindDeal(message, context);
        var rest = deal is null ? message : RemoveName(message, deal);
        var expanded = Shorthand.Expand(rest);
        if (CloseDateWords().IsMatch(expanded) && dates.Find(expanded, context.LocalNow, DateLean.Future) is { } close)
            return new EditDealIntent(deal) { ExpectedClose = DateOnly.FromDateTime(close.Local) };
        if (amounts.Find(rest) is { } amount)
            return new EditDealIntent(deal) { Value = amount.Value };
        if (dates.Find(expanded, context.LocalNow, DateLean.Future) is { } date)
            return new EditDealIntent(deal) { ExpectedClose = DateOnly.FromDateTime(date.Local) };
        return new EditDealIntent(deal);
    }

    private NewDealIntent ReadNewDeal(string rest, RecognitionContext context)
    {
        DealStage? stage = null;
        if (InStage().Match(rest) is { Success: true } inStage && stages.TryRead(inStage.Groups["stage"].Value, out var parsed) && !parsed.IsClosed())
            (stage, rest) = (parsed, rest.Remove(inStage.Index, inStage.Length));

        DateOnly? close = null;
        var expanded = Shorthand.Expand(rest);
        if (dates.Find(expanded, context.LocalNow, DateLean.Future) is { } date)
        {
            close = DateOnly.FromDateTime(date.Local);
            rest = expanded.Remove(date.Start, date.End - date.Start + 1);
        }
        rest = CloseWords().Replace(rest, " ");

        var found = amounts.Find(rest);
        var name = found is { } amount ? rest.Remove(amount.Start, amount.End - amount.Start + 1) : rest;
        name = Whitespace().Replace(DanglingWords().Replace(name.Trim(' ', ',', '-', ':', '~', ';').Trim(), "").Trim(' ', ',', '-', ':', '"', '\'', '~', ';'), " ");

        string? account = null;
        if (AccountPart().Match(name) is { Success: true } at)
            (name, account) = (name[..at.Index].Trim(), at.Groups["account"].Value.Trim());
        return new NewDealIntent(name, found?.Value) { Account = account, ExpectedClose = close, Stage = stage };
    }

    private static string? FindDeal(string message, RecognitionContext context) => DealMatcher.FindIn(message, context.DealNames);

    private static string RemoveName(string message, string deal) =>
        DealMatcher.Locate(message, deal) is { } span ? message.Remove(span.Start, span.Length) : message;

    // A deal that is not among the open ones (a closed deal to reopen): the words after the verb.
    private static string? Subject(string message) =>
        MoveSubject().Match(message) is { Success: true } subject && subject.Groups["deal"].Value.Trim() is { Length: > 0 } deal ? deal : null;

    private static string? QuotedName(string message) =>
        Quoted().Match(message) is { Success: true } quoted ? quoted.Groups["name"].Value : null;

    private TimeSpan? UntilDate(string message, RecognitionContext context) =>
        dates.Find(Shorthand.Expand(message), context.LocalNow, DateLean.Future) is { } until && until.Local > context.LocalNow
            ? until.Local.Date.AddDays(1) - context.LocalNow
            : null;

    private static string? ZoneIn(string message) =>
        ZoneName().Match(message) is { Success: true } zone ? zone.Groups["zone"].Value.TrimEnd('?', '.', '!') : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^/?coach\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SlashCommand();

    [GeneratedRegex(@"\b(for|on|with|at|from)\s*(?:the\s+)?(?:deal\s*)?$|^\s*(for|on|with|at)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForDeal();

    [GeneratedRegex(@"\b(new|fresh|another)\s+(deal|opp|oppty|opportunity|lead|prospect|account|logo)s?\b\s*(?:(?:for|called|named|with|at|is|from)\b)?\s*:?|^(?:create|add|open|start(?:ed)? tracking|track|log|set up)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:deal|opp|oppty|opportunity|lead)?\s*(?:(?:for|called|named|with|at)\b)?\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex NewDealLead();

    [GeneratedRegex(@"^(?:move|push|bump|advance|put|set|mark|signed|closed|lost|won|reopen|delete|remove|show)\s+(?:the\s+)?(?<deal>[\p{L}\p{N}&.' -]+?)(?:\s+(?:deal|opp|opportunity))?(?:\s+(?:to|into|as|in|back|->|is|was|forward|along|up)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveSubject();

    [GeneratedRegex(@"\b(?:rename|call)\s+(?:the\s+)?(?<old>.*?)\s*(?:deal\s+)?(?:to|as)\s+(?<name>.+)$|\bname\s+(?:to|is now|should be)\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Rename();

    [GeneratedRegex(@"\b(close|closing|close date|closes|expected|push|pushed|slip|slipped|slips|move|moved|delay|delayed|pull|pulled|date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CloseDateWords();

    [GeneratedRegex(@"[""“'‘](?<name>[^""”'’]{2,60})[""”'’]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<zone>\b[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|\b(?:UTC|GMT)[+-]\d{1,2}\b|\b[A-Z]{2,5}\b(?<!\bI\b)|\b[\p{L}]+(?:[ _][\p{L}]+)?\s*[?.!]*$)")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"\s+in\s+(the\s+)?(?<stage>[a-z-]+(\s(contact|up))?)(\s+stage)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InStage();

    [GeneratedRegex(@"\b(closing|closes|close date|expected to close|expected close|close by|to close|target close)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CloseWords();

    [GeneratedRegex(@"\s+(at|with|account:?)\s+(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPart();

    [GeneratedRegex(@"(\s+|^)(for|worth|at|of|valued at|with a value of|amount|about|around|approximately)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingWords();
}
