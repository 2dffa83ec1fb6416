namespace SalesCoachBot.Reps;

/// <summary>A person who sells; one Rep may be reached through several channel accounts.</summary>
public sealed class Rep
{
    public long Id { get; set; }

    /// <summary>A new rep, known by e-mail when there is an address: the one way every way in (a channel, a setting, chat, an import) creates one.</summary>
    public static Rep Create(string displayName, string? email, DateTimeOffset now) =>
        new() { DisplayName = displayName, Email = email is null ? null : EmailAddress.Normalize(email), CreatedAt = now };

    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>IANA or Windows time zone id; dates the rep types ("yesterday", "Friday") are read in it.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language the bot speaks to the rep in: first the channel's locale, then the language they write in.</summary>
    public Languages.Language? Language { get; set; }
    public List<RepAccount> Accounts { get; set; } = [];

    /// <summary>The rep's manager, whose digest lists this rep's stalled deals.</summary>
    public long? ManagerId { get; set; }

    /// <summary>Made a manager by an admin or by the <c>SalesTeams</c> setting; anyone with reps on their team manages too.</summary>
    public bool IsManager { get; set; }

    /// <summary>No nudges until then ("pause nudges for 2 weeks").</summary>
    public DateTimeOffset? NudgesPausedUntil { get; set; }

    /// <summary>When the last weekly check-in was written, so a missed week is caught up once.</summary>
    public DateTimeOffset? LastCheckInAt { get; set; }
}
