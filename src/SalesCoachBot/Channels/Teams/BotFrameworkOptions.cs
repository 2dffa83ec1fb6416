namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// The Bot Framework's own settings, read from the configuration root under these exact names
/// (as <c>ConfigurationBotFrameworkAuthentication</c> reads them).
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Azure Bot's app (client) id. Empty only in Development, for the Bot Framework Emulator.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret; from an environment variable or user secrets, never a file in the repo.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant id; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }
}
