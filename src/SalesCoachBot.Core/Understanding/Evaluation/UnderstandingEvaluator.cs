using System.Globalization;

namespace SalesCoachBot.Understanding.Evaluation;

/// <summary>Reads every message of a labelled set exactly as chat does, and scores the readings.</summary>
public sealed class UnderstandingEvaluator(UtteranceRecognizer recognizer, Intents.IntentTable intents, StageFinder stages)
{
    public UnderstandingReport Evaluate(LabelledSet set)
    {
        var context = new RecognitionContext(set.Now, set.Deals);
        return new UnderstandingReport([.. set.Messages.Select(m => Score(m, recognizer.Read(m.Text, context)))]);
    }

    private ScoredMessage Score(LabelledMessage message, Reading reading)
    {
        var got = intents.LabelOf(reading.Intent);
        var right = got == message.Label;
        return new ScoredMessage(message, got, right, right ? WrongDetails(message.Expected, reading.Intent) : [])
        {
            Best = reading.Best,
            Lead = reading.Best is { } best ? best.Score - (reading.Second?.Score ?? 0) : 0,
        };
    }

    private List<string> WrongDetails(IReadOnlyDictionary<string, string> expected, Intent intent)
    {
        var wrong = new List<string>();
        foreach (var (key, value) in expected)
        {
            var actual = Detail(key, intent);
            if (actual is not null && !Same(key, value, actual))
                wrong.Add($"{key}={actual} (expected {value})");
            else if (actual is null && Applies(key, intent))
                wrong.Add($"{key} missing (expected {value})");
        }
        return wrong;
    }

    private static bool Applies(string key, Intent intent) => (key, intent) switch
    {
        ("deal", LogInteractionIntent or MoveDealIntent or ShowDealIntent or EditDealIntent or ObjectionIntent or SnoozeIntent or StageTipsIntent or ReopenDealIntent or DeleteDealIntent) => true,
        ("stage", MoveDealIntent) or ("kind", LogInteractionIntent) or ("amount", NewDealIntent or EditDealIntent) or ("date", LogInteractionIntent) => true,
        _ => false,
    };

    private string? Detail(string key, Intent intent) => (key, intent) switch
    {
        ("deal", LogInteractionIntent log) => log.DealQuery,
        ("deal", MoveDealIntent move) => move.DealQuery.Length > 0 ? move.DealQuery : null,
        ("deal", ShowDealIntent show) => show.DealQuery,
        ("deal", EditDealIntent edit) => edit.DealQuery,
        ("deal", ObjectionIntent objection) => objection.DealQuery,
        ("deal", SnoozeIntent snooze) => snooze.DealQuery,
        ("deal", StageTipsIntent tips) => tips.DealQuery.Length > 0 ? tips.DealQuery : null,
        ("deal", ReopenDealIntent reopen) => reopen.DealQuery,
        ("deal", DeleteDealIntent delete) => delete.DealQuery,
        ("stage", MoveDealIntent move) => stages.TryRead(move.StageText, out var stage) ? stage.ToString() : move.StageText.Length > 0 ? move.StageText : null,
        ("kind", LogInteractionIntent log) => log.Kind.ToString(),
        ("amount", NewDealIntent { Value: { } value }) => $"{value.Amount.ToString("0.##", CultureInfo.InvariantCulture)} {value.Currency}",
        ("amount", EditDealIntent { Value: { } value }) => $"{value.Amount.ToString("0.##", CultureInfo.InvariantCulture)} {value.Currency}",
        ("date", LogInteractionIntent { When: { } when }) => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool Same(string key, string expected, string actual) => key switch
    {
        "amount" => Normalise(expected) == Normalise(actual),
        _ => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
    };

    private static string Normalise(string amount)
    {
        var parts = amount.Split(' ', 2, StringSplitOptions.TrimEntries);
        return decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {(parts.Length > 1 ? parts[1].ToUpperInvariant() : "")}"
            : amount;
    }
}
