namespace SalesCoachBot.Cli;

/// <summary>
/// Where a command-line tool was started, for the relative paths it is given. <c>dotnet run --project</c>
/// starts the bot in its project folder (the Web SDK's run directory), so there the shell's <c>PWD</c>,
/// which still names the folder the command was typed in, is the one that counts.
/// </summary>
public static class StartDirectory
{
    public static string Resolve(string path) => Resolve(path, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("PWD"));

    internal static string Resolve(string path, string current, string? shell) => Path.GetFullPath(path, Of(current, shell));

    private static string Of(string current, string? shell) =>
        shell is { Length: > 0 } && Path.IsPathRooted(shell) && Directory.Exists(shell) && !SameFolder(shell, current)
        && Directory.EnumerateFiles(current, "*.csproj").Any()
            ? shell
            : current;

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
