namespace SalesCoachBot.Cli;

/// <summary>Reads "--name value" options of the command-line tools; the rest is passed to the host.</summary>
public sealed class CommandLine(string[] args)
{
    public string? Value(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public bool Flag(string name) => args.Contains(name);
}
