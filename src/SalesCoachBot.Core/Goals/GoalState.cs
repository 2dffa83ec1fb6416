namespace SalesCoachBot.Goals;

/// <summary>How a goal is going this period, worst first. Named in <c>goals.yaml</c> in camelCase (<c>onTrack</c>).</summary>
public enum GoalState
{
    Behind,
    OnTrack,
    Ahead,
    Done,
}
