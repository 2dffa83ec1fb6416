using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using SalesCoachBot.Outbox;

namespace SalesCoachBot.Channels.Teams;

public static class TeamsChannel
{
    /// <summary>Microsoft Teams (and the Bot Framework Emulator) through the Bot Framework's CloudAdapter.</summary>
    public static IHostApplicationBuilder AddTeamsChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotFrameworkOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidation>();
        // One Bot Connector client (and HTTP connection pool) per service URL, reused by every turn.
        builder.Services.AddSingleton(sp => new SharedConnectorClients(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(), httpClientFactory: SharedConnectorClients.PooledHttp, logger: sp.GetRequiredService<ILogger<TeamsAdapter>>())));
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => sp.GetRequiredService<SharedConnectorClients>());
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<TeamsMemberEmailMiddleware>();
        builder.Services.AddSingleton<TeamsAdapter>();
        builder.Services.AddOptions<TeamsOptions>().Bind(builder.Configuration.GetSection("Teams"));
        builder.Services.AddSingleton<ServiceUrlAllowList>();
        builder.Services.AddSingleton<TeamsMessagesEndpoint>();
        builder.Services.AddSingleton<IBot, TeamsBot>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<TeamsAdapter>());
        builder.Services.AddSingleton<IProactiveSender, TeamsProactiveSender>();
        builder.Services.AddOptions<Charts.ChartOptions>().BindConfiguration(Charts.ChartOptions.Section)
            .Validate(o => o.PublicBaseUrl is null or "" || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http",
                "Bot:PublicBaseUrl must be an absolute http(s) URL, like https://bot.example.com.")
            .Validate(o => o.ChartLifetime > TimeSpan.Zero, "Bot:ChartLifetime must be positive, like 14.00:00:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Charts.ChartLinks>();
        return builder;
    }

    /// <summary><c>POST /api/messages</c>: the activity is checked, the Bot Framework checks the JWT, then the turn runs.</summary>
    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext context, TeamsMessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        Charts.ChartLinks.MapCharts(endpoints);
        return endpoints;
    }
}
