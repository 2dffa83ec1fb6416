using System.Text.RegularExpressions;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Commands in their canonical shape ("cancel", "my deals", "move Acme to proposal", the messages card
/// buttons send): read exactly, with no model and no doubt. Anything else is for the model.
/// A shape that names an intent with details has them read by the given reader (the intent's label, the
/// shape's match); a null reading means the message is not that intent after all, and the next shape is tried.
/// </summary>
internal static partial class ExactCommands
{
    public static Intent? Read(string message, Func<string, Match, Intent?> read)
    {
        if (message.Length == 0 || CommandWords.IsHelp(message))
            return new HelpIntent();
        if (CommandWords.IsCancel(message))
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
        if (NewDeal().Match(message) is { Success: true } create && read(IntentIds.NewDeal, create) is { } created)
            return created;
        if (LastActivity().Match(message) is { Success: true } last)
            return last.Groups["delete"].Success ? new LastActivityIntent(true)
                : new LastActivityIntent(false)
                {
                    Kind = last.Groups["kind"].Success ? InteractionParser.KindOf(last.Groups["kind"].Value) : null,
                    Summary = last.Groups["summary"].Success ? last.Groups["summary"].Value.Trim() : null,
                };
        if (MoveAlone().IsMatch(message))
            return new MoveDealIntent("", "");
        if (ReportedTouchPoint().Match(message) is { Success: true } touchPoint && read(IntentIds.Log, touchPoint) is { } logged)
            return logged;
        if (GoalWords().Match(message) is { Success: true } goal && read(IntentIds.GoalSet, goal) is { } set)
            return set;
        if (PromptAnswer().IsMatch(message))
            return new IncompleteIntent(IntentIds.None, "Nothing is waiting for an answer right now (an open question is dropped after a while). What would you like to do?");
        if (MoveDeal().Match(message) is { Success: true } moving && read(IntentIds.Move, moving) is { } moved)
            return moved;
        if (Objection().Match(message) is { Success: true } asked && read(IntentIds.Objection, asked) is { } objection)
            return objection;
        if (Show().Match(message) is { Success: true } show)
            return new ShowDealIntent(show.Groups["deal"].Value.Trim());
        if (ShowNamed().Match(message) is { Success: true } look && read(IntentIds.ShowDeal, look) is ShowDealIntent { DealQuery: { } named } shown
            && DealMatcher.Locate(look.Groups["deal"].Value, named) is (0, var length) && length == look.Groups["deal"].Length)
            return shown;
        return null;
    }

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

    [GeneratedRegex(@"^(new|create|add)( a| an)?( new)? (deal|opp|oppty|opportunity|lead|prospect)\b:?(?<rest>.*)$", RegexOptions.IgnoreCase)]
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

    // "set my weekly email target to 20", said the way a move is ("set X to Y"): a goal word in X makes it a goal.
    [GeneratedRegex(@"^((set|change|update|raise|lower|put|make)\s+)?((my|a|the|our|new)\s+)*((weekly|monthly|quarterly|annual|yearly|daily|e-?mail|call|meeting|demo|deal|revenue|sales|activity)\s+)*(goal|target|quota)s?\b|^(close|win|make|book|do|send|run|get|hit)\s+\d+\s+(new\s+|more\s+)?(deals?|calls?|e-?mails?|meetings?|demos?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalWords();

    [GeneratedRegex(@"^(objection|objections)\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Objection();

    [GeneratedRegex(@"^(show|view|open) deal\s+(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Show();

    // "show initech": a look-up word and nothing but the name of one of the rep's deals is as exact as "show deal initech";
    // the sentence model, which has never seen the name, would only be unsure of it.
    [GeneratedRegex(@"^(show|view|open|pull up)(\s+me)?(\s+the)?\s+(?<deal>.+?)(\s+deal)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowNamed();
}
