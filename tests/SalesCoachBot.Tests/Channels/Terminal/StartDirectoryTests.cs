using SalesCoachBot.Cli;

namespace SalesCoachBot.Tests.Channels.Terminal;

/// <summary>Relative paths given to import and export are read from where the command was typed, also under <c>dotnet run --project</c>.</summary>
public sealed class StartDirectoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("start-directory-").FullName;

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    [Fact]
    public void UnderDotnetRunARelativePathIsReadFromTheShellsFolderNotTheProjects()
    {
        var (repository, project) = (Folder("repo"), Folder("repo/src/SalesCoachBot"));
        File.WriteAllText(Path.Combine(project, "SalesCoachBot.csproj"), "<Project />");

        Assert.Equal(Path.Combine(repository, "deals.csv"), StartDirectory.Resolve("deals.csv", current: project, shell: repository));
    }

    [Fact]
    public void OtherwiseTheCurrentFolderCounts()
    {
        var (here, elsewhere) = (Folder("here"), Folder("elsewhere"));

        Assert.Equal(Path.Combine(here, "deals.csv"), StartDirectory.Resolve("deals.csv", current: here, shell: elsewhere)); // no project here: not dotnet run
        Assert.Equal(Path.Combine(here, "deals.csv"), StartDirectory.Resolve("deals.csv", current: here, shell: null));
        Assert.Equal(Path.Combine(here, "deals.csv"), StartDirectory.Resolve("deals.csv", current: here, shell: Path.Combine(root, "gone")));
        Assert.Equal("/data/deals.csv", StartDirectory.Resolve("/data/deals.csv", current: here, shell: elsewhere));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
