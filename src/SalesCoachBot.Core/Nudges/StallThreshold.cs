using SalesCoachBot.Deals;

namespace SalesCoachBot.Nudges;

/// <summary>After how many idle days a deal in a stage counts as stalled, and where that number came from.</summary>
public sealed record StallThreshold(DealStage Stage, int Days, bool Learned, int WonDealsMeasured)
{
    /// <summary>Why a deal idle this long in this stage counts as stalled, in a sentence a rep can check.</summary>
    public string Explain(string deal, int idleDays) => Learned
        ? $"{deal} has been idle in {Stage.DisplayName()} for {idleDays} days; your team's won deals leave {Stage.DisplayName()} within {Days} days."
        : $"{deal} has been idle in {Stage.DisplayName()} for {idleDays} days; deals there count as stalled after {Days} days.";

    public string Source => Learned ? $"learned from {WonDealsMeasured} won deals" : "default from dialogs/stages.yaml";

    /// <summary>Idle longer than this stage allows.</summary>
    public bool Exceeded(DateTimeOffset lastActivity, DateTimeOffset now) => now - lastActivity > TimeSpan.FromDays(Days);
}

/// <summary>When stall thresholds are learned from a team's own won deals, and within which bounds.</summary>
public sealed record StallLearning(bool Enabled, int MinimumDeals, int FloorDays, int CeilingDays);
