using System.Diagnostics;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Runs the built bot (SalesCoachBot.dll beside the tests) as a separate process, as a user would.</summary>
public static class BotProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string workingDirectory, string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, environment, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not exit. Output so far:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the bot serving on a free local port; it runs until killed.</summary>
    public static async Task<Serving> ServeAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var process = new Process { StartInfo = StartInfo(AppContext.BaseDirectory, environment, ["--urls", $"http://127.0.0.1:{port}"]) };
        var serving = new Serving(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => serving.Log(line.Data);
        process.ErrorDataReceived += (_, line) => serving.Log(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await serving.WaitUntilHealthyAsync();
            return serving;
        }
        catch
        {
            await serving.DisposeAsync();
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SalesCoachBot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = start.Environment["DOTNET_ENVIRONMENT"] =
            environment?.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "Development";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A bot process serving HTTP at <see cref="BaseAddress"/>; killed, if still running, on dispose.</summary>
    public sealed class Serving(Process process, Uri baseAddress) : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

        public Uri BaseAddress { get; } = baseAddress;

        /// <summary>What it wrote so far, for a failure's message.</summary>
        public string Output => string.Join("\n", output);

        internal void Log(string? line)
        {
            if (line is not null)
                output.Enqueue(line);
        }

        internal async Task WaitUntilHealthyAsync()
        {
            using var client = new HttpClient { BaseAddress = BaseAddress };
            await Background.UntilAsync(async token =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The bot exited ({process.ExitCode}):\n{Output}");
                try
                {
                    return (await client.GetAsync("/healthz", token)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            }, "the bot process serving");
        }

        /// <summary>Ends it at once (SIGKILL): no stop, nothing given back.</summary>
        public async Task KillAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
                await KillAsync();
            process.Dispose();
        }
    }
}
