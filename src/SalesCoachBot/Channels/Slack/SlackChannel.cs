using Microsoft.Extensions.Http.Resilience;
using Polly;
using SalesCoachBot.Hosting;
using SalesCoachBot.Outbox;

namespace SalesCoachBot.Channels.Slack;

public static class SlackChannel
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A longer Retry-After is not waited out inside a call; the 429 goes back to the caller (the outbox reschedules).</summary>
    private static readonly TimeSpan LongestRetryAfterWaited = TimeSpan.FromSeconds(10);

    /// <summary>Slack through its Events API, slash commands and interactivity, or Socket Mode.</summary>
    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.BotToken), "Slack:BotToken is needed to answer in Slack (OAuth & Permissions → Bot User OAuth Token).")
            .Validate(o => !o.SocketMode || !string.IsNullOrWhiteSpace(o.AppToken), "Slack:SocketMode is on but Slack:AppToken (xapp-…, with connections:write) is empty.")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.")
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        // Polly takes its delays and timeouts from the TimeProvider registered in DI.
        builder.Services.AddHttpClient(SlackApiClient.HttpClientName).AddResilienceHandler("slack-web-api", pipeline => pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !(args.Outcome.Result?.Headers.RetryAfter?.Delta > LongestRetryAfterWaited)),
            })
            .AddTimeout(AttemptTimeout));
        builder.Services.AddSingleton<SlackApiClient>();
        builder.Services.AddSingleton<SlackInbox>();
        builder.Services.AddSingleton(new AcknowledgementsInFlight(TimeProvider.System)); // the machine's clock: see the class
        builder.Services.AddSingleton<SlackAdapter>();
        builder.Services.AddSingleton<IProactiveSender, SlackProactiveSender>();
        builder.Services.AddStartUpLaneWork<SlackAddressUpgrade>();
        builder.Services.AddHostedService<SlackTurnWorker>();
        builder.Services.AddHostedService<SlackSocketMode>();
        builder.Services.AddStartUpLaneWork<SlackEndpointWarmUp>();
        return builder;
    }
}
