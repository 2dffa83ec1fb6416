namespace SalesCoachBot.Reps;

/// <summary>Gives each rep their own clock: their time zone, or the default one until they have one.</summary>
public sealed class RepClockFactory(TimeProvider time, TimeZoneInfo defaultZone)
{
    public RepClock For(Rep rep) => new(time, RepClock.ZoneOf(rep.TimeZone, defaultZone));

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
