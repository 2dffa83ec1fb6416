using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>Turns one message into an <see cref="Intent"/>. Short commands first; free text grows here.</summary>
public sealed partial class UtteranceRecognizer(AmountRecognizer amounts)
{
    public Intent Recognize(string text)
    {
        var message = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!');
        if (message.Length == 0 || Help().IsMatch(message))
            return new HelpIntent();
        if (ListDeals().IsMatch(message))
            return new ListDealsIntent();
        if (Undo().IsMatch(message))
            return new UndoIntent();
        if (NewDeal().Match(message) is { Success: true } newDeal)
            return ReadNewDeal(newDeal.Groups["rest"].Value);
        if (MoveAlone().IsMatch(message))
            return new MoveDealIntent("", "");
        if (MoveDeal().Match(message) is { Success: true } move)
            return new MoveDealIntent(move.Groups["deal"].Value.Trim(' ', '"', '\''), move.Groups["stage"].Value.Trim());
        return new UnknownIntent(message);
    }

    private NewDealIntent ReadNewDeal(string rest)
    {
        var found = amounts.Find(rest);
        var name = found is { } amount ? rest.Remove(amount.Start, amount.End - amount.Start + 1) : rest;
        name = DanglingWords().Replace(name.Trim(), "").Trim(' ', ',', '-', ':', '"', '\'');
        return new NewDealIntent(Whitespace().Replace(name, " "), found?.Value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(help|\?|what can you do\??|commands|hi|hello|hey|start)$", RegexOptions.IgnoreCase)]
    private static partial Regex Help();

    [GeneratedRegex(@"^((show|list)( me)?( all)? )?(my )?(open )?(deals|pipeline)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListDeals();

    [GeneratedRegex(@"^(undo|undo that|take that back)$", RegexOptions.IgnoreCase)]
    private static partial Regex Undo();

    [GeneratedRegex(@"^(new|create|add)( a)?( new)? deal\b:?(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NewDeal();

    // The deal name is greedy so that a name containing "to" still splits at the last "to".
    [GeneratedRegex(@"^(move|advance|set|put|mark)\s+(?<deal>.+)\s+(to|into|as|in)\s+(?<stage>\S+(\s\S+){0,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveDeal();

    [GeneratedRegex(@"^(move|advance)( deal)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveAlone();

    [GeneratedRegex(@"(\s+|^)(for|worth|at|of|valued at|with a value of|amount)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingWords();
}
