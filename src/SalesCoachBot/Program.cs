using System.CommandLine;
using Microsoft.Extensions.Options;
using SalesCoachBot.Cli;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Content;
using SalesCoachBot.Crm;
using SalesCoachBot.Crm.HubSpot;
using SalesCoachBot.Hosting;
using SalesCoachBot.Scheduling;

return await BotCommandLine.InvokeAsync(args, Console.Out, configure: null, tools =>
{
    var root = new RootCommand("SalesCoachBot, the sales coach in chat. Without a command it runs the bot (Teams, Slack) with the settings given, " +
        "e.g. --urls http://localhost:5000 --Slack:BotToken=xoxb-...; a command takes settings written --Section:Key=value, " +
        "e.g. --ConnectionStrings:SalesCoach=\"Data Source=deals.db\".")
    {
        ChatCommand.Create(tools, Console.In, Console.Out, Console.IsInputRedirected),
        ImportCommand.Create(tools, Console.Out),
        ExportCommand.Create(tools, Console.Out),
        MetricsCommand.Create(tools, Console.Out),
        ForecastCommand.Create(tools, Console.Out),
        LinkCommand.Create(tools, Console.Out),
        UnlinkCommand.Create(tools, Console.Out),
        AuditCommand.Create(tools, Console.Out),
        CrmCommand.Create(tools, Console.Out, Console.Error),
        UnderstandingCommand.Create(tools, Console.Out),
        new Command("jobs", "The scheduled messages") { JobsPreviewCommand.Create(tools, Console.Out) },
    };
    root.Add(HostSettingsArgument.For(root));
    root.SetAction(_ => RunBotAsync(args));
    return root;
});

static async Task<int> RunBotAsync(string[] args)
{
    try
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddStorage();
        builder.AddConversations();
        builder.AddTeamsChannel();
        builder.AddSlackChannel();
        builder.AddScheduler();
        builder.AddCrm();
        builder.AddCrmWorkers();
        builder.AddTelemetry();
        builder.AddOutageQuietLogging();

        var app = builder.Build();
        app.MapHealth();
        app.MapTelemetry();
        app.MapTeamsChannel();
        app.MapSlackChannel();
        app.MapCrm();

        await app.PrepareAsync();
        await app.RunAsync();
        return 0;
    }
    catch (Exception e) when (e is OptionsValidationException or ContentException or IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException })
    {
        Console.Error.WriteLine($"SalesCoachBot cannot start: {e.Message}");
        return 1;
    }
}

public partial class Program;
