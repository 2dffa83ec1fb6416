using System.Text.RegularExpressions;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Deals;

/// <summary>
/// Reads a new deal from a message: the close date, amount and stage said anywhere go to their fields, and the name
/// is what is left once the lead-in ("could you add a deal for"), hedges ("roughly", "I think"), courtesies and
/// separators are taken off: the first part that says something, between commas, dashes, arrows or fields. When a
/// word that says something is dropped too, where the name ends is a guess, and the reading is marked to be shown.
/// </summary>
public sealed partial class NewDealReader(AmountRecognizer amounts, DateRecognizer dates, StageFinder stages)
{
    private const char Cut = '\u0001';
    private const char DateCut = '\u0002';

    public NewDealIntent Read(string message, RecognitionContext context)
    {
        var text = Symbols().Replace(message, m => new string(Cut, m.Length));

        DateOnly? close = null;
        if (CloseDate(text, context) is { } date)
        {
            close = date.Day;
            text = Mask(text, date.Start, date.End, DateCut);
        }

        // A stage's capitalised name right after an amount ("12k, Initial Contact") reads as a name that number belongs
        // to, so an amount not found at first is looked for again once the stage is taken out.
        DealStage? stage = null;
        Money? value = null;
        string? negative = null;
        for (var tries = 0; tries < 2 && value is null && negative is null; tries++)
        {
            if (amounts.Read(text, language: context.Language) is { } amount)
                (value, negative, text) = (amount.Value, amount.IsNegative ? message[amount.Start..(amount.End + 1)] : null, Mask(text, amount.Start, amount.End + 1));
            if (stage is null && stages.Find(text) is { Stage: { } said } mention && !said.IsClosed() && StageSaid(text, mention))
                (stage, text) = (said, Mask(text, mention.Start, mention.Start + mention.Length));
        }

        var parts = Separators().Split(text).Select(Clean).Where(p => p.Length > 0).ToList();
        var doubt = parts.Count > 1;
        // A part all in lower case ("the webinar", "on behalf of my team") is not the name when another part is capitalised.
        var name = parts.FirstOrDefault(p => p.Any(char.IsUpper)) ?? parts.FirstOrDefault() ?? "";
        if (Quoted().Match(message) is { Success: true } quoted)
            (name, doubt) = (quoted.Groups["name"].Value.Trim(), false);
        else if (ClauseAfterName().Match(name) is { Success: true } clause)
            (name, doubt) = (name[..clause.Index].TrimEnd(), true);
        name = Spaces().Replace(name, " ");

        // A negative amount is not money: it stays at the end of the name, where creating the deal refuses it.
        if (negative is not null)
            (name, doubt) = ($"{name} {negative}".Trim(), false);

        string? account = null;
        if (AccountPart().Match(name) is { Success: true } at)
            (name, account) = (name[..at.Index].Trim(), at.Groups["account"].Value.Trim());
        return new NewDealIntent(name, value) { Account = account, ExpectedClose = close, Stage = stage, NameInDoubt = doubt && name.Length > 0 };
    }

    // Dates are found with shorthand spelled out ("eom"), one word at a time, so the date maps back onto the message as written.
    private (DateOnly Day, int Start, int End)? CloseDate(string text, RecognitionContext context)
    {
        var words = new List<(int Expanded, int Written, int Length, bool Same)>();
        var expanded = new System.Text.StringBuilder();
        foreach (Match chunk in Chunks().Matches(text))
        {
            var spelled = Shorthand.Expand(chunk.Value);
            words.Add((expanded.Length, chunk.Index, chunk.Length, spelled == chunk.Value));
            expanded.Append(spelled);
        }
        if (dates.Find(expanded.ToString(), context.LocalNow, DateLean.Future) is not { } date)
            return null;
        var (first, last) = (words.Last(w => w.Expanded <= date.Start), words.Last(w => w.Expanded <= date.End));
        return (DateOnly.FromDateTime(date.Local),
            first.Same ? first.Written + date.Start - first.Expanded : first.Written,
            last.Same ? last.Written + date.End - last.Expanded + 1 : last.Written + last.Length);
    }

    // A stage word counts when it is said as one ("in discovery", or a part on its own: ", negotiation stage,"), not
    // when it is a word of the name, nor the "closing" before a close date.
    private static bool StageSaid(string text, StageMention mention) =>
        InStage().IsMatch(text[..mention.Start]) || (PartStart().IsMatch(text[..mention.Start]) && PartEnd().IsMatch(text[(mention.Start + mention.Length)..]));

    private static string Mask(string text, int start, int end, char with = Cut) =>
        string.Concat(text.AsSpan(0, start), new string(with, end - start), text.AsSpan(end));

    // The lead-in is taken off once, in the order it is said, so a name that begins like one ("New Balance",
    // "Open Road Films") keeps its first word; what trails is taken off word by word, in lower case only.
    private static string Clean(string part)
    {
        var cleaned = IndonesianLeadIn().Replace(LeadIn().Replace(part.Trim(), "", 1), "", 1);
        for (var before = ""; before != cleaned;)
            (before, cleaned) = (cleaned, TailFiller().Replace(cleaned.Trim(' ', '.', '\'', '"', '-', '~', '*', '_'), "", 1));
        return Abbreviated().IsMatch(part.TrimEnd()) && part.TrimEnd().EndsWith(cleaned + ".", StringComparison.Ordinal) ? cleaned + "." : cleaned;
    }

    [GeneratedRegex(@"\S+|\s+")]
    private static partial Regex Chunks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // Emoji, pictographs and arrows separate parts of a message; they are never part of a name.
    [GeneratedRegex(@"[\p{So}\p{Cs}\u200D\uFE0F\u2190-\u21FF\u27F0-\u27FF\u2900-\u297F]+|->|=>|<-")]
    private static partial Regex Symbols();

    // A comma before a company suffix ("Acme, Inc.") is part of the name.
    [GeneratedRegex(@"[\u0001\u0002;:!?|()\[\]{}…]+|,(?!\s*" + Suffix + @"\b)[\u0001\u0002,;:!?|()\[\]{}…]*|\.{2,}|\s[-–—~/]+\s|\s[-–—]+|[-–—]+\s|^[-–—]+", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\b(?:in|into|to|at|now|currently|already)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex InStage();

    [GeneratedRegex(@"(?:[\u0001\u0002,;:!?|(]|\s[-–—]|^)\s*$")]
    private static partial Regex PartStart();

    [GeneratedRegex(@"^\s*(?:stage|phase)?\s*(?:[\u0001,;:!?|()]|\s[-–—]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PartEnd();

    private const string DealWord = @"(?:deal|opp|oppty|opportunity|lead|prospect|account|logo|record|entry)s?\b";

    // How a request to create a deal begins, in the order it is said: a greeting, a courtesy, a request, a verb (or where
    // the lead was met), "a new deal", "for (the company)".
    [GeneratedRegex(@"^(?:(?:hey|hi|hello|yo|ok|okay|so|fyi|btw|heads up|quick one|morning|good morning|good news|great news)\b[\s,.!-]*)*"
        + @"(?:(?:please|pls|plz|kindly)\s+)?(?:(?:can|could|would|will)\s+(?:you|u|we|i)\s+(?:please\s+|pls\s+)?|i'?d like to\s+|i would like to\s+|(?:i|we) (?:want|need) to\s+|let'?s\s+|go ahead and\s+|i'?ve\s+|we'?ve\s+|i\s+|we\s+|just\s+)*"
        + @"(?:(?:start(?:ed)? tracking|(?:create|add|open|log|track|start|record|save|enter|register)(?:ing|ed|s)?|set\s+(?:(?:it|one|this|that)\s+)?up|setup|make|put in|put|spin up|got|get|have|has|met(?: with)?|spoke (?:to|with)|heard from|(?:got|had) (?:some\s+)?(?:\w+\s+)?interest)\b\s*(?:(?:me|us|it|this|that|them)\b\s*)?)?"
        + @"(?:(?:(?:a|an|the|one|this|my)\s+)?(?:(?:new|fresh|another|inbound|hot|warm|big|potential|qualified)\s+)*(?:" + DealWord + @"\s*)+|(?:a\s+)?(?:new|another)\s+one\b\s*|one\s+)?"
        + @"(?:(?:for|called|named|with|from|on|at|is|titled|re)\b\s*|w/\s*)?(?:(?:the\s+)?(?:company|client|customer|firm|business)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    // The same in Indonesian, after any English ("deal" of "deal baru" is taken off there): "tolong tambahin deal baru
    // untuk", "ada prospek baru nih,", "bikin opp".
    [GeneratedRegex(@"^(?:(?-i:baru|nih|dong)\s+)*(?:(?:tolong|tlg|mohon|coba|mau|saya mau|aku mau|ada|dapet|dapat|saya dapat|aku dapet)\s+)*"
        + @"(?:(?:bikin|bikinin|buat|buatin|buatkan|tambah|tambahin|tambahkan|catat|catet|input|daftarin|daftarkan|registrasi|masukin|masukkan|buka)\s+)?"
        + @"(?:(?:deal|opp|opportunity|lead|leads|prospek|peluang|peluang penjualan|klien|calon klien|pipeline)\s+(?:baru\s+)?(?:(?:dari\s+\w+|masuk|nih|dong|ya)\s+)*)?"
        + @"(?:(?:untuk|buat|dari|atas nama|bernama|namanya)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex IndonesianLeadIn();

    // What is said after a name or between fields: "(as a) new deal", "to my pipeline", hedges, close words, courtesies.
    [GeneratedRegex(@"(?:^|\s+)(?:(?:(?:is|as|to|into|in|on|for)\s+)?(?:(?:a|an|the|my|our)\s+)?(?:new\s+)?(?:" + DealWord + @"|pipeline|crm|list)|new|please|pls|plz|thanks|thank you|thx|cheers|asap|for me|worth|valued at|with a value of|value|amount|size|budget|potential|about|around|approximately|approx|roughly|maybe|probably|possibly|likely|perhaps|est|estimated|i think|i guess|i'?d say|ish|or so|give or take|ca|circa|at|of|for|with|and|but|closing|closes|close date|close by|close|to close|expected to close|expected close|expected|target close|target|due|by|before|until|in|in the|stage|phase|currently|already|now|should be|should|will be|would be|could be|senilai|sebesar|nilainya|nilai|sekitar|kira2|kira-kira|kurang lebih|target closing|nih|ya|dong|sebagai deal baru|estimasi|potensinya|budgetnya|di tahap|tahap)$")]
    private static partial Regex TailFiller();

    // The name ends where a clause about it begins ("Acme reached out", "Globex wants a demo", "Initech at the expo").
    [GeneratedRegex(@"(?<=\S)\s+(?=(?:at|from)\s+the\s+\p{Ll}|(?:is|are|was|were|has|have|had|will|would|can|could|wants?|needs?|just|they|we|i|he|she|who|which|that|got|reached|came|asked|called|signed|looks?|looking|seems?|said|says|keen|interested|might|may)\b)")]
    private static partial Regex ClauseAfterName();

    private const string Suffix = "(?:inc|co|corp|ltd|llc|llp|lp|bros|intl|plc|gmbh|ag|sa)";

    [GeneratedRegex(@"(?:^|\s)" + Suffix + @"\.$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviated();

    // Quotes around a name, not an apostrophe inside a word ("I've", "let's").
    [GeneratedRegex(@"(?<!\w)[""“'‘](?<name>[^""”'’]{2,60})[""”'’](?!\w)")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s+(at|with|account:?)\s+(?!the\s)(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPart();
}
