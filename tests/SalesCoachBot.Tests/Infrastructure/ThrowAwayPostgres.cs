using System.Diagnostics;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (initdb in a temporary folder, a free port), which the test may stop and start
/// again without disturbing the shared test server. Uses the binaries .ci/postgres installs.
/// </summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string bin, folder;
    private readonly int port;

    private ThrowAwayPostgres(string bin, string folder, int port) => (this.bin, this.folder, this.port) = (bin, folder, port);

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var bin = BinFolder() ?? throw new InvalidOperationException("No PostgreSQL binaries (initdb, pg_ctl): install the postgresql package.");
        var folder = Directory.CreateTempSubdirectory("salescoach-outage-").FullName;
        var server = new ThrowAwayPostgres(bin, folder, FreePort());
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres", folder);
        await server.AsPostgresAsync("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    private string Data => Path.Combine(folder, "data");

    /// <summary>Starts the stopped server again, on the same port with the same data.</summary>
    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(folder, "log"), "-w",
        "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off", "start");

    /// <summary>Stops it as an operator would for maintenance: open connections are ended, new ones refused.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(folder, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] args) => Environment.UserName == "root"
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args])
        : RunAsync(Path.Combine(bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
    }

    private static string? BinFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => b.Length).ThenBy(b => b).LastOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
