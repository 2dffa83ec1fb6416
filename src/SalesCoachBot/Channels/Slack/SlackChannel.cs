using SalesCoachBot.Outbox;

namespace SalesCoachBot.Channels.Slack;

public static class SlackChannel
{
    /// <summary>Slack through its Events API, slash commands and interactivity, or Socket Mode.</summary>
    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.BotToken), "Slack:BotToken is needed to answer in Slack (OAuth & Permissions → Bot User OAuth Token).")
            .Validate(o => !o.SocketMode || !string.IsNullOrWhiteSpace(o.AppToken), "Slack:SocketMode is on but Slack:AppToken (xapp-…, with connections:write) is empty.")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.")
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient(SlackApiClient.HttpClientName);
        builder.Services.AddSingleton<SlackApiClient>();
        builder.Services.AddSingleton<SlackInbox>();
        builder.Services.AddSingleton<SlackAdapter>();
        builder.Services.AddSingleton<IProactiveSender, SlackProactiveSender>();
        builder.Services.AddHostedService<SlackTurnWorker>();
        builder.Services.AddHostedService<SlackSocketMode>();
        return builder;
    }
}
