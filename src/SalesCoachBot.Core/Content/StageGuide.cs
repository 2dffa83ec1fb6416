using SalesCoachBot.Deals;

namespace SalesCoachBot.Content;

/// <summary>What a stage is for and how to coach it, as written in <c>dialogs/stages.yaml</c>.</summary>
public sealed record StageGuide(
    DealStage Stage,
    string Goal,
    IReadOnlyList<string> ExitCriteria,
    string NextBestAction,
    IReadOnlyList<string> Tips,
    int StallAfterDays)
{
    /// <summary>Other names reps use for the stage ("qualification", "legal review").</summary>
    public IReadOnlyList<string> AlsoCalled { get; init; } = [];

    /// <summary>The chance a deal at this stage is won, until the team's own closed deals say otherwise (0–1).</summary>
    public double WinProbability { get; init; }
}
