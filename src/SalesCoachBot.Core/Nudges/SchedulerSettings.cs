namespace SalesCoachBot.Nudges;

/// <summary>Noise control for everything the bot sends unprompted.</summary>
public sealed record SchedulerSettings(int MaxNudgesPerDay, TimeOnly WorkdayStart, TimeOnly WorkdayEnd, bool Weekends, DayOfWeek CheckInDay, TimeOnly CheckInTime)
{
    public static SchedulerSettings Default { get; } = new(3, new TimeOnly(9, 0), new TimeOnly(18, 0), false, DayOfWeek.Monday, new TimeOnly(9, 0));

    public bool IsWorkingTime(DateTime local) =>
        (Weekends || local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) &&
        TimeOnly.FromDateTime(local) >= WorkdayStart && TimeOnly.FromDateTime(local) < WorkdayEnd;
}
