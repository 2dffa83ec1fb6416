using SalesCoachBot.Nudges;

namespace SalesCoachBot.Hosting;

/// <summary>The <c>StallLearning</c> section: stall thresholds learned from the team's own won deals.</summary>
public sealed class StallLearningOptions
{
    public const string Section = "StallLearning";

    /// <summary>Learn thresholds at all; when off, the defaults in dialogs/stages.yaml always apply.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Won deals that must have passed through a stage before its threshold is learned.</summary>
    public int MinimumDeals { get; set; } = 20;

    /// <summary>Bounds on a learned threshold, in days.</summary>
    public int FloorDays { get; set; } = 2;

    public int CeilingDays { get; set; } = 60;

    public StallLearning ToSettings() => new(Enabled, MinimumDeals, FloorDays, CeilingDays);
}
