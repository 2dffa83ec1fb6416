using System.Text.RegularExpressions;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// What a sentence contains besides its meaning: a stage name, a touch-point word, an amount, a date,
/// an e-mail address, a question mark. Appended to its vector, so the classifier learns from the examples
/// how much each tells (a stage name says "move" more than "log"), rather than a rule deciding.
/// </summary>
/// <remarks>Amounts and dates are spotted by their look, not parsed: this runs on every message and every example.</remarks>
public sealed partial class SentenceSignals(StageFinder stages)
{
    /// <summary>Changes whenever what the signals mean changes, so weights trained on older ones are not reused.</summary>
    public const string Version = "signals-5";

    /// <summary>Kept small beside the unit-length sentence vector.</summary>
    private const float Weight = 0.3f;

    /// <summary>How many signals <see cref="Of"/> gives.</summary>
    public const int Count = 8;

    public float[] Of(string text)
    {
        var expanded = Shorthand.Expand(text);
        var stage = stages.Find(expanded)?.Stage;
        return
        [
            Flag(stage is { } open && !open.IsClosed()),
            Flag(stage == DealStage.Won),
            Flag(stage == DealStage.Lost),
            Flag(TouchPoint().IsMatch(expanded)),
            Flag(Amount().IsMatch(expanded)),
            Flag(Date().IsMatch(expanded)),
            Flag(Email().IsMatch(expanded)),
            Flag(expanded.Contains('?')),
        ];
    }

    public float[] Append(float[] vector, string text) => [.. vector, .. Of(text)];

    private static float Flag(bool on) => on ? Weight : 0f;

    [GeneratedRegex(@"\b(call(ed|s|ing)?|phone(d)?|rang|voicemail|spoke|talked|e-?mail(ed)?|sent|met|meeting|zoom|lunch|coffee|demo(ed)?|onsite|visit(ed)?|linkedin|texted|pinged)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TouchPoint();

    [GeneratedRegex(@"[" + Currencies.Signs + @"]\s?\d|\b\d[\d,.]*\s?(k|m|mio|mn|million|thousand|grand)\b|\b\d[\d,.]*\s?(" + Currencies.Codes + "|" + Currencies.Names + @")\b|\b\d{1,3}(,\d{3})+\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(yesterday|today|tonight|tomorrow|this (morning|afternoon|evening|week|month|quarter)|(last|next|this) (week|month|quarter|year|mon|tue|wed|thu|fri|sat|sun)\w*|(mon|tues|wednes|thurs|fri|satur|sun)day|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2}(st|nd|rd|th)?\b|\d{1,2}/\d{1,2}|end of (day|week|month|quarter|year)|q[1-4]|\d+ (days?|weeks?) ago|in \d+ (days?|weeks?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\S+@\S+\.\w+")]
    private static partial Regex Email();
}
