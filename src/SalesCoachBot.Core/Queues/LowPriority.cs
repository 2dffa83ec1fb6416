using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SalesCoachBot.Queues;

/// <summary>
/// Runs background work (a sweep over every rep's deals) on its own thread that the operating system schedules
/// after the bot's other threads: it has the CPU to itself when the bot is idle, and gives way to chat turns when
/// they need it. Every continuation of the work's own awaits comes back to that thread.
/// </summary>
/// <remarks>Like <see cref="Conversations.TurnsInFlight"/>, it can go when sweeps run on a host of their own.</remarks>
public static class LowPriority
{
    /// <summary>The thread's nice value on Linux: a tenth of a normal thread's share when both want the CPU.</summary>
    public const int Nice = 10;

    public static async Task<T> RunAsync<T>(string name, Func<Task<T>> work)
    {
        using var scheduler = new DedicatedThread(name);
        return await Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
    }

    public static Task RunAsync(string name, Func<Task> work) => RunAsync(name, async () =>
    {
        await work();
        return true;
    });

    /// <summary>
    /// Runs part of low-priority work on the thread pool at normal priority, then comes back: for a write that holds a
    /// lock chat turns wait for, which a thread the system schedules last could hold for long. (An unprivileged
    /// process cannot raise its thread's priority again.)
    /// </summary>
    public static Task<T> AtNormalPriorityAsync<T>(Func<Task<T>> work) => Task.Run(work);

    private static void LowerThisThread()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (SetPriority(0 /* PRIO_PROCESS: on Linux, one thread */, GetThreadId(), Nice) == 0)
                    return;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }
        Thread.CurrentThread.Priority = ThreadPriority.Lowest;
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    private sealed class DedicatedThread : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> queue = [];
        private readonly Thread thread;

        public DedicatedThread(string name)
        {
            thread = new Thread(() =>
            {
                LowerThisThread();
                foreach (var task in queue.GetConsumingEnumerable())
                    TryExecuteTask(task);
            }) { IsBackground = true, Name = name };
            thread.Start();
        }

        public override int MaximumConcurrencyLevel => 1;

        protected override void QueueTask(Task task) => queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => Thread.CurrentThread == thread && TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

        public void Dispose() => queue.CompleteAdding(); // the thread ends once it has run what was queued
    }
}
