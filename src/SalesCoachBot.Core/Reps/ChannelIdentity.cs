namespace SalesCoachBot.Reps;

/// <summary>
/// Who sent a message, as the channel tells it. <paramref name="VerifiedEmail"/> is an address the channel vouches for
/// (the Teams roster, Slack's users.info, the terminal's own user), never one a client put on the message: it joins
/// accounts into one rep and makes admins, so an address anyone can type must not reach it.
/// </summary>
public sealed record ChannelIdentity(string Channel, string AccountId, string? DisplayName, string? VerifiedEmail = null, string? TenantId = null)
{
    /// <summary>The time zone the channel reports for the user (Teams' clientInfo), if any.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The user's locale as the channel reports it ("id-ID"; Teams' activity locale, Slack's user locale), if any.</summary>
    public string? Locale { get; init; }

    /// <summary>The channel's address (JSON) of the 1:1 chat, to reach the rep unprompted; null outside a personal chat.</summary>
    public string? Address { get; init; }
}
