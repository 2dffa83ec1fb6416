namespace SalesCoachBot.Reps;

/// <summary>"Now" as the rep lives it: their time zone applied to the injected clock.</summary>
public sealed class RepClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;
    public DateTimeOffset UtcNow => time.GetUtcNow();
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime;
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>The instant of a local time, in UTC (the database compares instants by their UTC ticks).</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local)).ToUniversalTime();

    public static TimeZoneInfo ZoneOf(string? id, TimeZoneInfo fallback) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : fallback;
}
