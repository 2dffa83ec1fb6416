using System.Globalization;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Languages;

/// <summary>
/// Amounts and dates as readers of a language read them: in English as the bot always wrote them ("$45,000",
/// "Fri 6 Mar"); in Indonesian "Rp 45.000.000", "USD 45.000", "Sen, 14 Des", "hari ini", "besok".
/// Written by hand, not by the platform's culture data, so a container without ICU writes them alike.
/// </summary>
public static class Written
{
    private static readonly string[] IndonesianDays = ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"];
    private static readonly string[] IndonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    public static string Money(Money money, Language language)
    {
        if (language != Language.Indonesian)
            return money.ToString();
        var whole = money.Amount == decimal.Truncate(money.Amount);
        var number = money.Amount.ToString(whole ? "N0" : "N2", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.');
        return money.Currency == Understanding.IndonesianAmounts.Currency ? $"Rp {number}" : $"{money.Currency} {number}";
    }

    public static string Date(DateOnly day, RepClock clock, Language language)
    {
        if (language != Language.Indonesian)
            return Dates.Describe(day, clock);
        return (day.DayNumber - clock.Today.DayNumber) switch
        {
            0 => "hari ini",
            -1 => "kemarin",
            1 => "besok",
            _ => $"{IndonesianDays[(int)day.DayOfWeek]}, {day.Day} {IndonesianMonths[day.Month - 1]}{(day.Year == clock.Today.Year ? "" : $" {day.Year}")}",
        };
    }

    /// <summary>A day and its time: "today, 14:00"; in Indonesian "hari ini, pukul 14.00".</summary>
    public static string Moment(DateTime local, RepClock clock, Language language) => language != Language.Indonesian
        ? Dates.Describe(local, clock, withTime: true)
        : $"{Date(DateOnly.FromDateTime(local), clock, language)}, pukul {local.ToString("HH.mm", CultureInfo.InvariantCulture)}";

}
