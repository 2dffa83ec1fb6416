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
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, bool inputRedirected, Action<IHostApplicationBuilder>? configure = null)
    {
        var (user, hostArgs) = ReadUser(args);
        IHost host;
        try
        {
            host = ToolHost.CreateBuilder(hostArgs, configure).Build();
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

    private static (string User, string[] HostArgs) ReadUser(string[] args)
    {
        var rest = new List<string>();
        string? user = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--user" or "-u" && i + 1 < args.Length)
                user = args[++i];
            else
                rest.Add(args[i]);
        }
        return (user ?? $"{Environment.UserName}@localhost", [.. rest]);
    }
}
