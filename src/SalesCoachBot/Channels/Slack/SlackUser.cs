namespace SalesCoachBot.Channels.Slack;

/// <summary>What users.info tells about a person: name, e-mail (with users:read.email) and time zone.</summary>
public sealed record SlackUser(string Id, string? Name, string? Email, string? TimeZone, bool IsBot)
{
    /// <summary>The user's locale ("id-ID"), asked for with <c>include_locale</c>.</summary>
    public string? Locale { get; init; }
}
