namespace SalesCoachBot.Reps;

/// <summary>How a channel identifies a rep: Teams' AAD object id, a Slack user id, a terminal user's e-mail.</summary>
public sealed class RepAccount
{
    public long Id { get; set; }
    public long RepId { get; set; }
    public required string Channel { get; set; }
    public required string AccountId { get; set; }
    public string? TenantId { get; set; }

    /// <summary>Where to reach the rep unprompted: their 1:1 chat, in the form the channel's sender reads (JSON).</summary>
    public string? Address { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Set when the channel refused delivery (bot removed or blocked, account gone); cleared when they write again.</summary>
    public DateTimeOffset? UnreachableAt { get; set; }
}
