using System.CommandLine;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Cli;

/// <summary><c>unlink CHANNEL ACCOUNT</c>: takes a Teams, Slack or other channel account away from the rep it was joined to (audited).</summary>
public static class UnlinkCommand
{
    private const string Actor = "unlink (command line)";

    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var channel = new Argument<string>("CHANNEL") { Description = "The account's channel as \"my accounts\" lists it: msteams, slack, console, webchat, …" };
        var account = new Argument<string>("ACCOUNT") { Description = "The account id \"my accounts\" shows" };
        var command = new Command("unlink", "Take a channel account away from the rep it is joined to") { channel, account };
        command.SetAction(result => UnlinkAsync(tools, result.GetRequiredValue(channel), result.GetRequiredValue(account), output));
        return command;
    }

    private static async Task<int> UnlinkAsync(ToolHost tools, string channel, string account, TextWriter output)
    {
        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var (done, message) = await scope.ServiceProvider.GetRequiredService<RepDirectory>().UnlinkAsync(channel, account, Actor, CancellationToken.None);
            await output.WriteLineAsync(message);
            return done ? 0 : 1;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }
}
