namespace SalesCoachBot.Understanding;

/// <summary>What understanding a message depends on: the rep's local "now" and the names of their deals.</summary>
public sealed record RecognitionContext(DateTime LocalNow, IReadOnlyList<string> DealNames);
