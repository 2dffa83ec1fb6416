using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Evaluation;

namespace SalesCoachBot.Telemetry;

/// <summary>What one turn was understood as, by intent id only, for its span and metrics.</summary>
public sealed class TurnIntent
{
    /// <summary>The turn answered a running dialog or a button without reading the message afresh.</summary>
    public const string NotRead = "dialog";

    public string Id { get; private set; } = NotRead;

    public Reading Noted(Reading reading, string label)
    {
        Id = IntentLabels.IntentOf(label);
        if (reading.Best is { } best)
            BotTelemetry.Confidence.Record(best.Score, new KeyValuePair<string, object?>("intent", Id));
        return reading;
    }

    public void Picked(string label) => Id = IntentLabels.IntentOf(label);
}
