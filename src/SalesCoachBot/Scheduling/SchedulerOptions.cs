using System.Globalization;

namespace SalesCoachBot.Scheduling;

/// <summary>The <c>Scheduler</c> section: when and how much the bot speaks up unprompted.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Run the scheduled jobs and send from the outbox on this host.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most this many stalled-deal nudges per rep per day; more are rolled into one summary.</summary>
    public int MaxNudgesPerDay { get; set; } = 3;

    /// <summary>Rep-local working hours (HH:mm); nudges and reminders only go out inside them.</summary>
    public string WorkdayStart { get; set; } = "09:00";

    public string WorkdayEnd { get; set; } = "18:00";

    /// <summary>Send nudges on Saturdays and Sundays too.</summary>
    public bool Weekends { get; set; }

    /// <summary>Rep-local day and time of the weekly check-in.</summary>
    public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Monday;

    public string CheckInTime { get; set; } = "09:00";

    /// <summary>A deal idle this many times its stage's stall threshold is raised to the rep's manager, once.</summary>
    public double EscalateAfter { get; set; } = 2;

    /// <summary>Minutes between stalled-deal sweeps.</summary>
    public int SweepMinutes { get; set; } = 15;

    public static bool IsTime(string text) => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
