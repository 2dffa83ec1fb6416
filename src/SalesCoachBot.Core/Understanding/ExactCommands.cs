using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Commands in their canonical shape ("cancel", "my deals", "move Acme to proposal", the messages card
/// buttons send): read exactly, with no model and no doubt. Anything else is for the model.
/// </summary>
internal static partial class ExactCommands
{
    public static Intent? Read(string message, Func<string, Intent> newDeal, Func<string, Intent> objection, Func<Intent> log, Func<Intent?> goal,
        Func<string, string, Intent?> move)
    {
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
        if (Thanks().IsMatch(message))
            return new ThanksIntent();
        if (MakeManager().Match(message) is { Success: true } make)
            return new ManagerRoleIntent(make.Groups["email"].Value, true);
        if (NoLongerManager().Match(message) is { Success: true } demote)
            return new ManagerRoleIntent(demote.Groups["email"].Value, false);
        if (MoveToTeam().Match(message) is { Success: true } moveRep)
            return new MoveToTeamIntent(moveRep.Groups["rep"].Value, moveRep.Groups["manager"].Value);
        if (TimeZone().Match(message) is { Success: true } zone)
            return new SetTimeZoneIntent(zone.Groups["zone"].Value);
        if (SchedulingPhrases.Read(message) is { } scheduling)
            return scheduling;
        if (NewDeal().Match(message) is { Success: true } create)
            return newDeal(create.Groups["rest"].Value);
        if (LastActivity().Match(message) is { Success: true } last)
            return last.Groups["delete"].Success ? new LastActivityIntent(true)
                : new LastActivityIntent(false)
                {
                    Kind = last.Groups["kind"].Success ? InteractionParser.KindOf(last.Groups["kind"].Value) : null,
                    Summary = last.Groups["summary"].Success ? last.Groups["summary"].Value.Trim() : null,
                };
        if (MoveAlone().IsMatch(message))
            return new MoveDealIntent("", "");
        if (ReportedTouchPoint().IsMatch(message))
            return log();
        if (GoalWords().IsMatch(message) && goal() is { } set)
            return set;
        if (PromptAnswer().IsMatch(message))
            return new IncompleteIntent(IntentIds.None, "Nothing is waiting for an answer right now (an open question is dropped after a while). What would you like to do?");
        if (MoveDeal().Match(message) is { Success: true } moving && move(moving.Groups["deal"].Value.Trim(' ', '"', '\''), moving.Groups["stage"].Value.Trim()) is { } moved)
            return moved;
        if (Objection().Match(message) is { Success: true } asked)
            return objection(asked.Groups["rest"].Value);
        if (Show().Match(message) is { Success: true } show)
            return new ShowDealIntent(show.Groups["deal"].Value.Trim());
        return null;
    }

    [GeneratedRegex(@"^(help|\?|what can you do\??|commands|/help|/coach)$", RegexOptions.IgnoreCase)]
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

    [GeneratedRegex(@"^(thanks|thank you|thx|ty|cheers)( ?!+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^make\s+(?<email>\S+@\S+)\s+an?\s+manager$", RegexOptions.IgnoreCase)]
    private static partial Regex MakeManager();

    [GeneratedRegex(@"^(?<email>\S+@\S+)\s+is\s+no\s+longer\s+an?\s+manager$", RegexOptions.IgnoreCase)]
    private static partial Regex NoLongerManager();

    [GeneratedRegex(@"^move\s+(?<rep>\S+@\S+)\s+to\s+(?<manager>\S+@\S+?)['’]s\s+team$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveToTeam();

    [GeneratedRegex(@"^(set |change |update )?(my )?(time ?zone|tz)( is| to| =)?:? (?<zone>[\w/+-]+( [\w/+-]+){0,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeZone();

    [GeneratedRegex(@"^(new|create|add)( a)?( new)? deal\b:?(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NewDeal();

    // The deal name is greedy so that a name containing "to" still splits at the last "to".
    [GeneratedRegex(@"^(move|advance|set|put|mark|push|bump)\s+(?<deal>.+)\s+(to|into|as|in)\s+(?<stage>\S+(\s\S+){0,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveDeal();

    [GeneratedRegex(@"^(confirm|yes|no|skip|edit|yep|nope)$", RegexOptions.IgnoreCase)]
    private static partial Regex PromptAnswer();

    private const string LastLogged = @"(the\s+|my\s+)?last\s+(activity|log|logged activity|entry|interaction|call|email|e-mail|meeting|demo|note)";

    [GeneratedRegex(@"^(?<delete>delete|remove|scrap)\s+" + LastLogged + @"$|^(change|edit|make|update)\s+" + LastLogged + @"\s*(?:(to|into|as)\s+(an?\s+)?(?<kind>call|email|e-mail|meeting|demo|note)|:\s*(?<summary>.+))$", RegexOptions.IgnoreCase)]
    private static partial Regex LastActivity();

    [GeneratedRegex(@"^(move|advance)( deal)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveAlone();

    // "called Acme…", "log call with Acme", "note Acme: …": a touch point, told the way a log begins.
    [GeneratedRegex(@"^(?:(?:log(?:ged)?|record|add)\s+(?:a\s+|an\s+)?(?:call|email|e-mail|meeting|demo|note)\b|note\b|(?:(?:i|we|just)\s+)*(?:called|phoned|rang|spoke (?:to|with)|talked (?:to|with)|emailed|e-mailed|mailed|met with|visited|demoed|demo'd|had (?:a |an )?(?:call|meeting|demo|lunch|coffee)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedTouchPoint();

    [GeneratedRegex(@"^(my |new |set (my |a )?)?(goal|target|quota)s?\b|^(close|win|make|book|do|send|run|get|hit)\s+\d+\s+(new\s+|more\s+)?(deals?|calls?|e-?mails?|meetings?|demos?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalWords();

    [GeneratedRegex(@"^(objection|objections)\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Objection();

    [GeneratedRegex(@"^(show|view|open) deal\s+(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Show();
}
