namespace SalesCoachBot.Hosting;

/// <summary>The <c>Content</c> section: where the sales content (stages, playbook, check-ins) lives.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// Folder of the content files. A relative path is looked up in the working directory first,
    /// then beside the bot's binaries (where the build copies <c>dialogs/</c>).
    /// </summary>
    public string Directory { get; set; } = "dialogs";

    public string Resolve()
    {
        if (Path.IsPathRooted(Directory) || System.IO.Directory.Exists(Directory))
            return Path.GetFullPath(Directory);
        return Path.Combine(AppContext.BaseDirectory, Directory);
    }
}
