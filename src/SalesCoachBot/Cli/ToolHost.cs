using SalesCoachBot.Hosting;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Cli;

/// <summary>The bot's services without its web server, for the command-line tools; logs go to stderr so stdout stays theirs.</summary>
public static class ToolHost
{
    public static HostApplicationBuilder CreateBuilder(string[] hostArgs, Action<IHostApplicationBuilder>? configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddStorage();
        builder.AddConversations();
        builder.AddSchedulerPlanning();
        return builder;
    }
}
