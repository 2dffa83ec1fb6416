using Microsoft.Extensions.Options;
using SalesCoachBot.Cli;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Scheduling;

if (args is ["chat", .. var chatArgs])
    return await ChatCommand.RunAsync(chatArgs, Console.In, Console.Out, Console.IsInputRedirected);
if (args is ["import", .. var importArgs])
    return await ImportCommand.RunAsync(importArgs, Console.Out);
if (args is ["export", .. var exportArgs])
    return await ExportCommand.RunAsync(exportArgs, Console.Out);
if (args is ["metrics", .. var metricsArgs])
    return await MetricsCommand.RunAsync(metricsArgs, Console.Out);
if (args is ["link", .. var linkArgs])
    return await LinkCommand.RunAsync(linkArgs, Console.Out);
if (args is ["understanding", .. var understandingArgs])
    return await UnderstandingCommand.RunAsync(understandingArgs, Console.Out);
if (args is ["jobs", "preview", .. var previewArgs])
    return await JobsPreviewCommand.RunAsync(previewArgs, Console.Out);

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddStorage();
    builder.AddConversations();
    builder.AddTeamsChannel();
    builder.AddSlackChannel();
    builder.AddScheduler();
    builder.AddTelemetry();

    var app = builder.Build();
    app.MapHealth();
    app.MapTelemetry();
    app.MapTeamsChannel();
    app.MapSlackChannel();

    await app.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or ContentException)
{
    Console.Error.WriteLine($"SalesCoachBot cannot start: {e.Message}");
    return 1;
}

public partial class Program;
