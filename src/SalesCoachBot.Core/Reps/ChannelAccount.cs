namespace SalesCoachBot.Reps;

/// <summary>How a channel identifies a rep: Teams' AAD object id, a Slack user id, a terminal user's e-mail.</summary>
public sealed class ChannelAccount
{
    public long Id { get; set; }
    public long RepId { get; set; }
    public required string Channel { get; set; }
    public required string AccountId { get; set; }
    public string? TenantId { get; set; }
}
