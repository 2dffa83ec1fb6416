namespace SalesCoachBot.Scheduling;

/// <summary>Noise control for everything the bot sends unprompted.</summary>
public sealed record SchedulerSettings(int MaxNudgesPerDay, TimeOnly WorkdayStart, TimeOnly WorkdayEnd, bool Weekends, DayOfWeek CheckInDay, TimeOnly CheckInTime)
{
    /// <summary>A deal idle this many times its stage's threshold is raised to the rep's manager.</summary>
    public double EscalateAfter { get; init; } = 2;

    public bool IsWorkingTime(DateTime local) =>
        (Weekends || local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) &&
        TimeOnly.FromDateTime(local) >= WorkdayStart && TimeOnly.FromDateTime(local) < WorkdayEnd;
}
