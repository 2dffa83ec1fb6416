namespace SalesCoachBot.Goals;

/// <summary>The calendar a goal counts in: weeks start on Monday, months and quarters on their first day.</summary>
public static class GoalPeriods
{
    public static (DateOnly Start, DateOnly EndExclusive) Containing(GoalPeriod period, DateOnly day) => period switch
    {
        GoalPeriod.Week => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(7 - (((int)day.DayOfWeek + 6) % 7))),
        GoalPeriod.Quarter => (new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1), new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1).AddMonths(3)),
        _ => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1)),
    };

    public static string Describe(GoalPeriod period, bool each) => (period, each) switch
    {
        (GoalPeriod.Week, true) => "a week",
        (GoalPeriod.Week, false) => "this week",
        (GoalPeriod.Quarter, true) => "a quarter",
        (GoalPeriod.Quarter, false) => "this quarter",
        (_, true) => "a month",
        _ => "this month",
    };
}
