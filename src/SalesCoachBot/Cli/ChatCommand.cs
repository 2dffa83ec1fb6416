using System.CommandLine;
using Microsoft.Extensions.Options;
using SalesCoachBot.Channels.Terminal;
using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>chat --user alice@example.com</c>: talk to the bot in a terminal. With piped input it reads one
/// message a line, prints the replies and exits 0 at the end of input, so it can be scripted.
/// </summary>
public static class ChatCommand
{
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, bool inputRedirected, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, input, output, inputRedirected));

    public static Command Create(ToolHost tools, TextReader input, TextWriter output, bool inputRedirected)
    {
        var user = new Option<string>("--user", "-u")
        {
            Description = "Who is talking: the rep's e-mail address, the same rep as on Teams and Slack",
            HelpName = "EMAIL",
            DefaultValueFactory = _ => $"{Environment.UserName}@localhost",
        };
        var command = new Command("chat", "Talk to the bot in a terminal; with piped input, one message a line, exiting at the end of input") { user };
        command.SetAction(result => ChatAsync(tools, result.GetRequiredValue(user), input, output, inputRedirected));
        return command;
    }

    private static async Task<int> ChatAsync(ToolHost tools, string user, TextReader input, TextWriter output, bool inputRedirected)
    {
        IHost host;
        try
        {
            host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }

        using (host)
        {
            var services = host.Services;
            var terminal = new TerminalChannel(services.GetRequiredService<ChatTurns>(), output, user, services.GetRequiredService<ILogger<TerminalChannel>>());
            if (!inputRedirected)
                await output.WriteLineAsync($"SalesCoachBot, talking with {user}. Type \"help\" to start; Ctrl+D or \"exit\" to leave.\n");

            while (true)
            {
                if (!inputRedirected)
                    await output.WriteAsync("you> ");
                var line = await input.ReadLineAsync();
                if (line is null || (!inputRedirected && line.Trim() is "exit" or "quit"))
                    return 0;
                if (!string.IsNullOrWhiteSpace(line))
                    await terminal.SendLineAsync(line, CancellationToken.None);
            }
        }
    }
}
