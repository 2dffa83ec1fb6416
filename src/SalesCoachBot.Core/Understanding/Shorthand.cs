using System.Text.RegularExpressions;

namespace SalesCoachBot.Understanding;

/// <summary>
/// Spells out what reps abbreviate ("yday", "tmrw", "w/", "vm", "nxt wk"), so dates are found and
/// sentences compare by meaning. Applied alike to the examples and to what reps type.
/// </summary>
public static partial class Shorthand
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yday"] = "yesterday", ["yest"] = "yesterday", ["ytd"] = "year to date",
        ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["tmw"] = "tomorrow", ["tomoz"] = "tomorrow", ["2moro"] = "tomorrow",
        ["tdy"] = "today", ["tonite"] = "tonight",
        ["eod"] = "end of day", ["eow"] = "end of week", ["eom"] = "end of month", ["eoq"] = "end of quarter", ["eoy"] = "end of year",
        ["nxt"] = "next", ["wk"] = "week", ["wks"] = "weeks", ["mo"] = "month", ["mos"] = "months", ["hr"] = "hour", ["hrs"] = "hours",
        ["mon"] = "monday", ["tue"] = "tuesday", ["tues"] = "tuesday", ["wed"] = "wednesday", ["thu"] = "thursday",
        ["thur"] = "thursday", ["thurs"] = "thursday", ["fri"] = "friday", ["sat"] = "saturday", ["sun"] = "sunday",
        ["mtg"] = "meeting", ["mtgs"] = "meetings", ["vm"] = "voicemail", ["vms"] = "voicemails", ["fu"] = "follow up",
        ["f/u"] = "follow up", ["fup"] = "follow up", ["w/"] = "with", ["w/o"] = "without", ["b/c"] = "because", ["bc"] = "because",
        ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["thnx"] = "thanks", ["ty"] = "thank you", ["tx"] = "thanks",
        ["opp"] = "opportunity", ["opps"] = "opportunities", ["oppty"] = "opportunity", ["convo"] = "conversation",
        ["msg"] = "message", ["msgd"] = "messaged", ["li"] = "linkedin", ["prop"] = "proposal", ["info"] = "information",
        ["approx"] = "approximately", ["asap"] = "as soon as possible", ["nvm"] = "never mind", ["abt"] = "about",
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["b4"] = "before", ["2day"] = "today", ["k"] = "ok",
    };

    public static string Expand(string text) =>
        Token().Replace(text, m => Words.TryGetValue(m.Value, out var full) ? full : m.Value);

    // Words, plus "w/" and "f/u" style tokens; never a part of a longer word, an e-mail or a path.
    [GeneratedRegex(@"(?<![\w@/.])(?:[a-z0-9]+/[a-z]?|[a-z0-9]+)(?![\w@]|/\w{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
