using System.Globalization;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding.Evaluation;

/// <summary>One labelled message: what it means, and the details it states (deal=, stage=, kind=, amount=, date=).</summary>
public sealed record LabelledMessage(int Line, string Label, string Text, IReadOnlyDictionary<string, string> Expected)
{
    /// <summary>The language the message is written in, from the last <c># language: id</c> header above it; English without one.</summary>
    public Language Language { get; init; }
}

/// <summary>
/// A labelled set in TSV: <c>intent&lt;TAB&gt;message[&lt;TAB&gt;key=value…]</c>, with header comments naming the
/// rep's open deals (<c># deals: A; B</c>) and the moment it is read at (<c># now: 2026-03-04T10:00</c>) and the language of the messages below it (<c># language: id</c>).
/// </summary>
public sealed record LabelledSet(IReadOnlyList<LabelledMessage> Messages, IReadOnlyList<string> Deals, DateTime Now)
{
    public static LabelledSet Parse(IEnumerable<string> lines)
    {
        var (messages, deals, now, number, language) = (new List<LabelledMessage>(), new List<string>(), new DateTime(2026, 3, 4, 10, 0, 0), 0, Language.English);
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# deals:", StringComparison.OrdinalIgnoreCase))
                deals.AddRange(line[8..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            else if (line.StartsWith("# now:", StringComparison.OrdinalIgnoreCase))
                now = DateTime.Parse(line[6..].Trim(), CultureInfo.InvariantCulture);
            else if (line.StartsWith("# language:", StringComparison.OrdinalIgnoreCase))
                language = LanguageCodes.FromLocale(line[11..]) ?? throw new FormatException($"line {number}: unknown language \"{line[11..].Trim()}\" (en, id)");
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                throw new FormatException($"line {number}: expected intent<TAB>message, got \"{line}\"");
            var expected = parts.Skip(2).Where(p => p.Contains('=')).Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
            messages.Add(new LabelledMessage(number, parts[0].Trim(), parts[1].Trim(), expected) { Language = language });
        }
        return new LabelledSet(messages, deals, now);
    }
}
