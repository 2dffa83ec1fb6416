using System.CommandLine;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Cli;

/// <summary><c>link NAME to EMAIL</c>: gives a rep imported by name the e-mail address they will message the bot from.</summary>
public static class LinkCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var words = new Argument<string[]>("NAME to EMAIL") { Description = "The rep's name as imported, the word \"to\", and their e-mail address", Arity = ArgumentArity.OneOrMore };
        var command = new Command("link", "Give a rep imported by name the e-mail address they message the bot from") { words };
        command.SetAction(result => LinkAsync(tools, string.Join(' ', result.GetRequiredValue(words)), output));
        return command;
    }

    private static async Task<int> LinkAsync(ToolHost tools, string words, TextWriter output)
    {
        var to = words.LastIndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to <= 0)
        {
            await System.Console.Error.WriteLineAsync("Usage: link NAME to EMAIL   (e.g. link Darcel Schlecht to darcel@example.com)");
            return 2;
        }
        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var (linked, message) = await scope.ServiceProvider.GetRequiredService<RepDirectory>().LinkEmailAsync(words[..to], words[(to + 4)..], CancellationToken.None);
            await output.WriteLineAsync(message);
            return linked ? 0 : 1;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }
}
