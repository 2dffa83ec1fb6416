using SalesCoachBot.Outbox;

namespace SalesCoachBot.Nudges;

/// <summary>The nudges planned for some reps, and the deals they cover (to be marked nudged once written).</summary>
public sealed record NudgeBatch(IReadOnlyList<PlannedMessage> Messages, IReadOnlyList<long> DealIds);
