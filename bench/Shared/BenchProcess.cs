using System.Diagnostics;
using System.Net;

/// <summary>A bot started as its own process (dotnet Bot.dll --urls …) for a benchmark, ready once its /healthz answers 200.</summary>
internal sealed class BenchProcess
{
    private readonly Process process;

    private BenchProcess(string name, Process process, Uri baseAddress, TimeSpan startUp) =>
        (Name, this.process, BaseAddress, StartUp) = (name, process, baseAddress, startUp);

    public string Name { get; }

    /// <summary>The operating system's id of the process, to read its memory and open sockets from /proc.</summary>
    public int ProcessId => process.Id;

    public Uri BaseAddress { get; }

    /// <summary>From the process starting to the first /healthz 200.</summary>
    public TimeSpan StartUp { get; }

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public long WorkingSet
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Starts <paramref name="dll"/> on a free port (Development, warnings and errors only), its output in a log file in <paramref name="logFolder"/>.</summary>
    public static async Task<BenchProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        var port = BenchMachine.FreePort();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Warnings and errors only: the echo bot's CloudAdapter otherwise logs every activity.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        var logPath = Path.Combine(logFolder, $"{name.Replace(' ', '-')}-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before answering /healthz; its output is in {logPath}");
            try
            {
                if ((await client.GetAsync(new Uri(baseAddress, "healthz"))).StatusCode == HttpStatusCode.OK)
                    break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(10);
            if (watch.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"{name} did not answer /healthz within two minutes");
        }
        return new BenchProcess(name, process, baseAddress, watch.Elapsed);
    }

    public async Task StopAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}
