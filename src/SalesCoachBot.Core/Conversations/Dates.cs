using System.Globalization;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>Dates as a rep reads them: "today", "yesterday", "Fri 6 Mar", "Tue 10 Mar, 15:00".</summary>
public static class Dates
{
    public static string Describe(DateTime local, RepClock clock, bool withTime = false)
    {
        var day = DateOnly.FromDateTime(local);
        var name = (day.DayNumber - clock.Today.DayNumber) switch
        {
            0 => "today",
            -1 => "yesterday",
            1 => "tomorrow",
            _ => local.ToString(local.Year == clock.LocalNow.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture),
        };
        return withTime ? $"{name}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)}" : name;
    }

    public static string Describe(DateOnly day, RepClock clock) => Describe(day.ToDateTime(TimeOnly.MinValue), clock);

    /// <summary>
    /// A close date that has passed: before today, or a date read as next year's ("March 1" on 2 March)
    /// when the rep named this year's, which has just gone by.
    /// </summary>
    // "March 1" said on 2 March was most likely meant as this year's, and has passed; "end of Q2" said in
    // November means next year's.
    private const int RecentlyPassedDays = 60;

    public static bool HasPassed(DateOnly close, string said, RepClock clock, DateRecognizer dates) =>
        close < clock.Today ||
        (dates.Find(Shorthand.Expand(said), clock.LocalNow, DateLean.Past) is { } past && DateOnly.FromDateTime(past.Local) is var earlier
         && earlier == close.AddYears(-1) && earlier < clock.Today && earlier >= clock.Today.AddDays(-RecentlyPassedDays));
}
