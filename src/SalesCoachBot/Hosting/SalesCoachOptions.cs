namespace SalesCoachBot.Hosting;

/// <summary>The <c>SalesCoach</c> section: how the bot reads what reps type.</summary>
public sealed class SalesCoachOptions
{
    public const string Section = "SalesCoach";

    /// <summary>ISO 4217 currency for amounts typed without one ("new deal Acme 45000").</summary>
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>Time zone for reps whose channel has not told theirs (IANA id, e.g. Europe/Berlin).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Minutes a question may wait for an answer before the dialog is dropped quietly.</summary>
    public int DialogIdleMinutes { get; set; } = 30;

    /// <summary>E-mail addresses of the admins, who make managers and move reps between teams.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Whether managers add and remove reps on their own team; otherwise only admins do.</summary>
    public bool ManagersEditTeams { get; set; } = true;
}
