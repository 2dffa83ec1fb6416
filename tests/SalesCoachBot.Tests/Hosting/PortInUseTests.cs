using System.Net;
using System.Net.Sockets;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Hosting;

public sealed class PortInUseTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task StartingOnAPortThatIsTakenSaysWhichPortInOneLineAndExitsNonZero()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await BotProcess.RunAsync(database.Folder, null, null, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("SalesCoachBot cannot start: ", result.Error);
        Assert.Contains($":{port}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
