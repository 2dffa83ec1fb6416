using System.Net;
using System.Net.Sockets;

/// <summary>What the benchmarks share about the machine they run on.</summary>
internal static class BenchMachine
{
    /// <summary>A TCP port free on 127.0.0.1 at this moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>"machine: 2 cores (CPU), OS, .NET version; date UTC", the first line under a bench's table.</summary>
    public static string Description()
    {
        var cpuModel = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"machine: {Environment.ProcessorCount} cores ({cpuModel ?? "unknown CPU"}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}; {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC";
    }
}
