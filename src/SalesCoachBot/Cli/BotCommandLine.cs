using System.CommandLine;

namespace SalesCoachBot.Cli;

/// <summary>
/// Parses and runs a command line: host settings (<see cref="ToolHost.IsSetting"/>) go to the tool's host, the rest to
/// <c>System.CommandLine</c>; a single command is parsed under a root, which gives it --help. A command line that does not parse
/// is reported on stderr with exit code 2.
/// </summary>
public static class BotCommandLine
{
    public const int UsageError = 2;

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure, Func<ToolHost, Command> create)
    {
        var command = create(new ToolHost([.. args.Where(ToolHost.IsSetting)], configure));
        string[] rest = [.. args.Where(a => !ToolHost.IsSetting(a))];
        var result = command is RootCommand root ? root.Parse(rest) : new RootCommand { command }.Parse([command.Name, .. rest]);
        var exitCode = await result.InvokeAsync(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        return result.Errors.Count > 0 ? UsageError : exitCode;
    }

    /// <summary>A file argument that refuses what looks like an option, so a mistyped option is named as such.</summary>
    public static Argument<string> FileArgument(string name, string description)
    {
        var file = new Argument<string>(name) { Description = description };
        file.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', _, ..] value }])
                result.AddError($"Unrecognized option '{value}'.");
        });
        return file;
    }
}
