using System.Globalization;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.Queues;

public class LowPriorityTests
{
    [Fact]
    public async Task TheWorkAndEveryContinuationOfItsAwaitsRunOnOneThreadTheSystemSchedulesLast()
    {
        var threads = new List<int>();
        var nices = new List<int>();
        void Note()
        {
            threads.Add(Environment.CurrentManagedThreadId);
            if (OperatingSystem.IsLinux())
                nices.Add(NiceOfThisThread());
        }

        var answer = await LowPriority.RunAsync("test", async () =>
        {
            Note();
            await Task.Run(() => Thread.SpinWait(1000)); // completes on a pool thread
            Note();
            await Task.Yield();
            Note();
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0]);
        if (OperatingSystem.IsLinux())
            Assert.All(nices, nice => Assert.Equal(LowPriority.Nice, nice));
    }

    [Fact]
    public async Task AWriteInsideRunsAtNormalPriorityAndTheWorkThenGoesOnWhereItWas()
    {
        var (low, normal, after) = await LowPriority.RunAsync("test", async () =>
        {
            var low = (Environment.CurrentManagedThreadId, Nice());
            var normal = await LowPriority.AtNormalPriorityAsync(() => Task.FromResult((Environment.CurrentManagedThreadId, Nice())));
            return (low, normal, (Environment.CurrentManagedThreadId, Nice()));
        });

        Assert.NotEqual(low.Item1, normal.Item1);
        Assert.Equal(low, after);
        if (OperatingSystem.IsLinux())
            Assert.Equal((LowPriority.Nice, 0), (low.Item2, normal.Item2));
    }

    [Fact]
    public async Task AFailureReachesTheCaller()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LowPriority.RunAsync("test", async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("the sweep failed");
        }));
        Assert.Equal("the sweep failed", failure.Message);
    }

    private static int Nice() => OperatingSystem.IsLinux() ? NiceOfThisThread() : 0;

    // Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.
    private static int NiceOfThisThread() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], CultureInfo.InvariantCulture);
}
