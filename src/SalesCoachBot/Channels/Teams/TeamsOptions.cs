namespace SalesCoachBot.Channels.Teams;

/// <summary>The <c>Teams</c> settings section.</summary>
public sealed class TeamsOptions
{
    /// <summary>
    /// Hosts an activity's <c>serviceUrl</c> may name, the only places the bot sends replies to. <c>*.example.com</c>
    /// allows the subdomains of example.com. Empty: <see cref="ServiceUrlAllowList.DefaultHosts"/>.
    /// </summary>
    public string[] AllowedServiceUrlHosts { get; set; } = [];
}
