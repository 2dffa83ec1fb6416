using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>Turns one message into an <see cref="Intent"/>: short commands first, then free text.</summary>
public sealed partial class UtteranceRecognizer(AmountRecognizer amounts, DateRecognizer dates, InteractionParser interactions, GoalParser goals, SalesContent content)
{
    public Intent Recognize(string text, RecognitionContext context)
    {
        var message = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!');
        message = SlashCommand().Replace(message, "");
        if (message.Length == 0 || Help().IsMatch(message))
            return new HelpIntent();
        if (Cancel().IsMatch(message))
            return new CancelIntent();
        if (Undo().IsMatch(message))
            return new UndoIntent();
        if (ListDeals().IsMatch(message))
            return new ListDealsIntent();
        if (Pipeline().IsMatch(message))
            return new PipelineIntent();
        if (ShowGoals().IsMatch(message))
            return new ShowGoalsIntent();
        if (TimeZone().Match(message) is { Success: true } zone)
            return new SetTimeZoneIntent(zone.Groups["zone"].Value);
        if (SchedulingPhrases.Read(message) is { } scheduling)
            return scheduling;
        if (NewDeal().Match(message) is { Success: true } newDeal)
            return ReadNewDeal(newDeal.Groups["rest"].Value, context);
        if (MoveAlone().IsMatch(message))
            return new MoveDealIntent("", "");
        if (MoveDeal().Match(message) is { Success: true } move)
            return new MoveDealIntent(move.Groups["deal"].Value.Trim(' ', '"', '\''), move.Groups["stage"].Value.Trim());
        if (ObjectionCommand().Match(message) is { Success: true } objection)
            return ReadObjection(objection.Groups["rest"].Value, context, byName: true);
        if (interactions.Parse(message, context) is { } log)
            return log;
        if (goals.Parse(message) is { } goal)
            return goal;
        if (content.Playbook.Classify(message) is not null || Reported().IsMatch(message))
            return ReadObjection(message, context, byName: false);
        return new UnknownIntent(message);
    }

    private ObjectionIntent ReadObjection(string text, RecognitionContext context, bool byName)
    {
        var category = content.Playbook.Classify(text) ?? (byName ? content.Playbook.ByName(text.Split(' ', 2)[0]) : null);
        return new ObjectionIntent(category?.Id, DealNameFinder.Find(text, context.DealNames), text.Trim());
    }

    private NewDealIntent ReadNewDeal(string rest, RecognitionContext context)
    {
        DealStage? stage = null;
        if (InStage().Match(rest) is { Success: true } inStage && StageNames.TryParse(inStage.Groups["stage"].Value, out var parsed) && !parsed.IsClosed())
            (stage, rest) = (parsed, rest.Remove(inStage.Index, inStage.Length));

        DateOnly? close = null;
        if (dates.Find(rest, context.LocalNow, DateLean.Future) is { } date)
            (close, rest) = (date.Date, rest.Remove(date.Start, date.End - date.Start + 1));
        rest = CloseWords().Replace(rest, " ");

        var found = amounts.Find(rest);
        var name = found is { } amount ? rest.Remove(amount.Start, amount.End - amount.Start + 1) : rest;
        name = Whitespace().Replace(DanglingWords().Replace(name.Trim(), "").Trim(' ', ',', '-', ':', '"', '\''), " ");

        string? account = null;
        if (AccountPart().Match(name) is { Success: true } at)
            (name, account) = (name[..at.Index].Trim(), at.Groups["account"].Value.Trim());
        return new NewDealIntent(name, found?.Value) { Account = account, ExpectedClose = close, Stage = stage };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^/?coach\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SlashCommand();

    [GeneratedRegex(@"^(help|\?|what can you do\??|commands|hi|hello|hey|start|/help|/coach)$", RegexOptions.IgnoreCase)]
    private static partial Regex Help();

    [GeneratedRegex(@"^(cancel|never ?mind|stop|forget it|abort)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^(undo|undo that|take that back)$", RegexOptions.IgnoreCase)]
    private static partial Regex Undo();

    [GeneratedRegex(@"^((show|list)( me)?( all)? )?(my )?(open )?deals$", RegexOptions.IgnoreCase)]
    private static partial Regex ListDeals();

    [GeneratedRegex(@"^((show|view)( me)? )?(my |the )?pipeline( by stage)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pipeline();

    [GeneratedRegex(@"^((show|view)( me)? )?(my )?(goals?|targets?)( progress)?$|^how am i doing\??$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowGoals();

    [GeneratedRegex(@"^(set )?(my )?(time ?zone|tz)( is| to| =)?:? (?<zone>[\w/+-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeZone();

    [GeneratedRegex(@"^(new|create|add)( a)?( new)? deal\b:?(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NewDeal();

    [GeneratedRegex(@"^(move|advance)( deal)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveAlone();

    // The deal name is greedy so that a name containing "to" still splits at the last "to".
    [GeneratedRegex(@"^(move|advance|set|put|mark)\s+(?<deal>.+)\s+(to|into|as|in)\s+(?<stage>\S+(\s\S+){0,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveDeal();

    [GeneratedRegex(@"^(objection|objections|tip|tips|coach me on|how do i handle|handle|handling)\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectionCommand();

    [GeneratedRegex(@"\b(they|he|she|client|prospect|customer|buyer)\s+(say|says|said|told me|keep saying|objected|pushed back)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();

    [GeneratedRegex(@"\s+in\s+(the\s+)?(?<stage>[a-z-]+(\s(contact|up))?)(\s+stage)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InStage();

    [GeneratedRegex(@"\b(closing|closes|close date|expected to close|expected close|close by|to close)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CloseWords();

    [GeneratedRegex(@"\s+(at|with|account:?)\s+(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPart();

    [GeneratedRegex(@"(\s+|^)(for|worth|at|of|valued at|with a value of|amount)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingWords();
}
