using System.Text.RegularExpressions;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Forecast;

/// <summary>Which months a forecast covers, relative to the day it is asked.</summary>
public enum ForecastPeriod
{
    /// <summary>This month and the two after it.</summary>
    NextThreeMonths,
    ThisMonth,
    NextMonth,
    ThisQuarter,
    NextQuarter,
    ThisYear,
}

/// <summary>"forecast", "forecast next quarter", "forecast for bob@example.com".</summary>
public sealed record ForecastIntent(ForecastPeriod Period, string? RepEmail) : Intent;

public static partial class ForecastPhrases
{
    public static ForecastIntent Read(string message)
    {
        var period = Period().Match(message);
        var which = period.Success ? (period.Groups["next"].Success, period.Groups["unit"].Value.ToLowerInvariant()) : (false, "");
        return new(which switch
        {
            (false, "month") => ForecastPeriod.ThisMonth,
            (true, "month") => ForecastPeriod.NextMonth,
            (false, "quarter" or "q") => ForecastPeriod.ThisQuarter,
            (true, "quarter" or "q") => ForecastPeriod.NextQuarter,
            (_, "year") => ForecastPeriod.ThisYear,
            _ => ForecastPeriod.NextThreeMonths,
        }, Email().Match(message) is { Success: true } email ? email.Value : null);
    }

    /// <summary>The first and last day the period covers, from <paramref name="today"/> on.</summary>
    public static (DateOnly From, DateOnly To) Range(ForecastPeriod period, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return period switch
        {
            ForecastPeriod.ThisMonth => (today, month.AddMonths(1).AddDays(-1)),
            ForecastPeriod.NextMonth => (month.AddMonths(1), month.AddMonths(2).AddDays(-1)),
            ForecastPeriod.ThisQuarter => (today, quarter.AddMonths(3).AddDays(-1)),
            ForecastPeriod.NextQuarter => (quarter.AddMonths(3), quarter.AddMonths(6).AddDays(-1)),
            ForecastPeriod.ThisYear => (today, new DateOnly(today.Year, 12, 31)),
            _ => (today, month.AddMonths(3).AddDays(-1)),
        };
    }

    [GeneratedRegex(@"\b(?:(?<next>next|coming|following)|this|current|the)\s+(?<unit>month|quarter|q|year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();
}
