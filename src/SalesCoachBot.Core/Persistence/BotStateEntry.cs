namespace SalesCoachBot.Persistence;

/// <summary>One rep's memory of one conversation, stored as JSON (see <see cref="Conversations.MemoryJson"/>).</summary>
public sealed class BotStateEntry
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public required string ETag { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
