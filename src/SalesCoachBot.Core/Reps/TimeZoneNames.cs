namespace SalesCoachBot.Reps;

/// <summary>Finds a time zone by its id ("Asia/Jakarta"), a common abbreviation ("WIB", "CET", "PST") or a city ("Jakarta", "New York").</summary>
public static class TimeZoneNames
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = "UTC", ["GMT"] = "UTC", ["BST"] = "Europe/London", ["WET"] = "Europe/Lisbon", ["WEST"] = "Europe/Lisbon",
        ["CET"] = "Europe/Berlin", ["CEST"] = "Europe/Berlin", ["EET"] = "Europe/Athens", ["EEST"] = "Europe/Athens", ["MSK"] = "Europe/Moscow",
        ["IST"] = "Asia/Kolkata", ["PKT"] = "Asia/Karachi", ["ICT"] = "Asia/Bangkok", ["WIB"] = "Asia/Jakarta", ["WITA"] = "Asia/Makassar",
        ["WIT"] = "Asia/Jayapura", ["SGT"] = "Asia/Singapore", ["HKT"] = "Asia/Hong_Kong", ["PHT"] = "Asia/Manila", ["JST"] = "Asia/Tokyo",
        ["KST"] = "Asia/Seoul", ["AWST"] = "Australia/Perth", ["ACST"] = "Australia/Adelaide", ["AEST"] = "Australia/Sydney",
        ["AEDT"] = "Australia/Sydney", ["NZST"] = "Pacific/Auckland", ["NZDT"] = "Pacific/Auckland", ["SAST"] = "Africa/Johannesburg",
        ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["ET"] = "America/New_York", ["CST"] = "America/Chicago",
        ["CDT"] = "America/Chicago", ["CT"] = "America/Chicago", ["MST"] = "America/Denver", ["MDT"] = "America/Denver",
        ["MT"] = "America/Denver", ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles", ["PT"] = "America/Los_Angeles",
        ["AKST"] = "America/Anchorage", ["HST"] = "Pacific/Honolulu", ["BRT"] = "America/Sao_Paulo",
    };

    public static TimeZoneInfo? Find(string name)
    {
        var wanted = name.Trim().TrimEnd('.');
        if (wanted.EndsWith(" time", StringComparison.OrdinalIgnoreCase))
            wanted = wanted[..^5].TrimEnd();
        var id = Abbreviations.GetValueOrDefault(wanted, wanted);
        var zones = TimeZoneInfo.GetSystemTimeZones();
        var city = wanted.Replace(' ', '_');
        return zones.FirstOrDefault(z => z.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
               ?? (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null)
               ?? zones.FirstOrDefault(z => z.Id.Contains('/') && z.Id[(z.Id.LastIndexOf('/') + 1)..].Equals(city, StringComparison.OrdinalIgnoreCase));
    }
}
