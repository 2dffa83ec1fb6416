namespace SalesCoachBot.Wins;

/// <summary>The channel where a manager's team's won deals are posted ("post wins here"); one per team, none by default.</summary>
public sealed class WinWireSubscription
{
    public long Id { get; set; }
    public long ManagerId { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>The channel conversation's address (JSON), read by that channel's sender.</summary>
    public required string Address { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
