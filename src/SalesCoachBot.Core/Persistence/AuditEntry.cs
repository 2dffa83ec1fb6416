namespace SalesCoachBot.Persistence;

/// <summary>A change to roles, teams or digest subscriptions: who made it, what it was, when, and in which conversation.</summary>
public sealed class AuditEntry
{
    public const string ConfigurationActor = "SalesTeams setting";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Channel { get; set; }
    public string? ConversationId { get; set; }
    public required string Change { get; set; }
}
