namespace SalesCoachBot.Interactions;

/// <summary>A deal's next step as every view shows it: the action, and its date when one was given.</summary>
public sealed record CurrentStep(string Note, DateOnly? DueOn);
