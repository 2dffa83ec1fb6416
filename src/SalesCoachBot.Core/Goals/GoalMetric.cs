namespace SalesCoachBot.Goals;

/// <summary>What a goal counts.</summary>
public enum GoalMetric
{
    DealsWon,
    Revenue,
    Calls,
    Emails,
    Meetings,
    Demos,
}

public enum GoalPeriod
{
    Week,
    Month,
    Quarter,
}
