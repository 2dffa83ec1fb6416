using SalesCoachBot.Crm;
using SalesCoachBot.Hosting;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Cli;

/// <summary>
/// The bot's services without its web server, for the command-line tools; logs go to stderr so stdout stays theirs.
/// Host settings given on a tool's command line (<c>--ConnectionStrings:SalesCoach=...</c>) and <paramref name="configure"/> apply to it.
/// </summary>
public sealed class ToolHost(string[] settings, Action<IHostApplicationBuilder>? configure)
{
    public static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon && arg.IndexOf('=', StringComparison.Ordinal) > colon;

    public HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddStorage();
        builder.AddConversations();
        builder.AddSchedulerPlanning();
        builder.AddCrm();
        return builder;
    }
}
