using Microsoft.Extensions.Options;
using SalesCoachBot.Channels.Console;
using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Channels.Teams;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;

if (args is ["chat", .. var chatArgs])
    return await ChatCommand.RunAsync(chatArgs, Console.In, Console.Out, Console.IsInputRedirected);

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddStorage();
    builder.AddConversations();
    builder.AddTeamsChannel();
    builder.AddSlackChannel();

    var app = builder.Build();
    app.MapHealth();
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
