using System.Text.RegularExpressions;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// What a sentence contains besides its meaning: a stage name, a touch-point word, an amount, a date,
/// an e-mail address, a question mark. Appended to its vector, so the classifier learns from the examples
/// how much each tells (a stage name says "move" more than "log"), rather than a rule deciding.
/// </summary>
public sealed partial class SentenceSignals(StageFinder stages, AmountRecognizer amounts, DateRecognizer dates)
{
    public const int Count = 8;

    /// <summary>Kept small beside the unit-length sentence vector.</summary>
    private const float Weight = 0.3f;

    private static readonly DateTime Reference = new(2026, 1, 14, 12, 0, 0);

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
            Flag(amounts.Find(expanded) is not null),
            Flag(dates.Find(expanded, Reference, DateLean.Past) is not null),
            Flag(Email().IsMatch(expanded)),
            Flag(expanded.Contains('?')),
        ];
    }

    public float[] Append(float[] vector, string text) => [.. vector, .. Of(text)];

    private static float Flag(bool on) => on ? Weight : 0f;

    [GeneratedRegex(@"\b(call(ed|s|ing)?|phone(d)?|rang|voicemail|spoke|talked|e-?mail(ed)?|sent|met|meeting|zoom|lunch|coffee|demo(ed)?|onsite|visit(ed)?|linkedin|texted|pinged)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TouchPoint();

    [GeneratedRegex(@"\S+@\S+\.\w+")]
    private static partial Regex Email();
}
