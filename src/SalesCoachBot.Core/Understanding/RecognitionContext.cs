using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding;

/// <summary>
/// What understanding a message depends on: the rep's local "now", the names of their deals, and the language the
/// message is read in (the rep's, until the recognizer reads which one the message is written in).
/// </summary>
public sealed record RecognitionContext(DateTime LocalNow, IReadOnlyList<string> DealNames)
{
    public Language Language { get; init; }
}
