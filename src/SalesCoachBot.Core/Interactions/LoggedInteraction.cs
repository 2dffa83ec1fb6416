namespace SalesCoachBot.Interactions;

/// <summary>A touch point as the rep confirmed it, ready to save.</summary>
public sealed record LoggedInteraction(InteractionKind Kind, DateTimeOffset OccurredAt, string Summary)
{
    public string? NextStep { get; init; }
    public DateOnly? NextStepDueOn { get; init; }
    public DateTimeOffset? NextStepDueAt { get; init; }
}
