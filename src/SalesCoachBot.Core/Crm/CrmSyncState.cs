namespace SalesCoachBot.Crm;

/// <summary>Where pulling from one CRM stands, for the next incremental pull and for <c>crm status</c>.</summary>
public sealed class CrmSyncState
{
    public required string Provider { get; set; }
    public DateTimeOffset? LastPullAt { get; set; }
    public DateTimeOffset? LastFullPullAt { get; set; }
    public string? LastError { get; set; }
    public long? RateLimitRemaining { get; set; }
    public long? RateLimitMax { get; set; }
    public string? RateLimitWindow { get; set; }
    public DateTimeOffset? RateLimitAt { get; set; }
}
