namespace SalesCoachBot.Goals;

/// <summary>Where a rep stands on one goal in the current period.</summary>
public sealed record GoalProgress(Goal Goal, decimal Done, DateOnly PeriodStart, DateOnly PeriodEnd, int DaysLeft, GoalState State)
{
    public decimal Left => Math.Max(0, Goal.Target - Done);
}
