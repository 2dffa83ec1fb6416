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

    /// <summary>Connections kept open between uses, as the product's own connection string does; closed on dispose.</summary>
    public string PooledConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(PooledConnectionString));
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the OS temp cleaner takes it */ }
    }
}
