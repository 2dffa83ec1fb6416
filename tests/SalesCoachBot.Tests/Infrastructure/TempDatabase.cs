namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>A SQLite file in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("salescoach-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "salescoach.db");
    }

    public string Folder { get; }
    public string Path { get; }
    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the OS temp cleaner takes it */ }
    }
}
