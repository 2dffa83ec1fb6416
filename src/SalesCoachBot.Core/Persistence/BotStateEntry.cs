namespace SalesCoachBot.Persistence;

/// <summary>One Bot Framework state document (conversation or user state), stored as JSON.</summary>
public sealed class BotStateEntry
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public required string ETag { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
