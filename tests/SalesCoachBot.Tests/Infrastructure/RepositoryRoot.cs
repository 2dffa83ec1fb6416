namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The checkout the tests were built from, for tests of files that ship with it.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "SalesCoachBot.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("SalesCoachBot.sln not found above the test binaries.");
    }
}
