namespace SalesCoachBot.Channels.Slack;

/// <summary>The <c>Slack</c> section. While <see cref="SigningSecret"/> is empty, Slack is off.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Verifies every request from Slack (Basic Information → Signing Secret).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bot token (xoxb-…) for the Web API.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app-level token (xapp-…) with connections:write, for Socket Mode.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Connect out over Socket Mode instead of receiving HTTP requests.</summary>
    public bool SocketMode { get; set; }

    /// <summary>The Web API base address.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// How many conversations this host answers at once (each in order). A conversation waiting on a
    /// slow Web API call holds no thread, only its place among these; with fewer places than conversations waiting,
    /// the rest wait for a whole slow answer before they start.
    /// </summary>
    public int Workers { get; set; } = 256;

    /// <summary>
    /// Once the host listens, send its own Slack endpoint a few rounds of signed deliveries it acknowledges and does not
    /// store, so the first burst from Slack does not meet cold code. HTTP only; off in Socket Mode.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret) || (SocketMode && !string.IsNullOrWhiteSpace(AppToken));
}
