namespace SalesCoachBot.Charts;

/// <summary>The <c>Bot</c> section: where the bot is reachable from outside, for what cards show by URL.</summary>
public sealed class ChartOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// The bot's public base URL (https://bot.example.com). Teams shows the digest's chart from
    /// <c>{PublicBaseUrl}/charts/{token}.png</c>; without it the digest goes without the chart.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a chart stays served; a card shown later shows no picture.</summary>
    public TimeSpan ChartLifetime { get; set; } = TimeSpan.FromDays(14);
}
