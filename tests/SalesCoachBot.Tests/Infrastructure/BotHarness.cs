using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// The bot composed exactly as the host composes it (storage, conversations, content from dialogs/),
/// on a temporary SQLite file and a fake clock, talked to in process through the core's <see cref="SalesCoachBot.Conversations.ChatTurns"/>.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private BotHarness(IHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public IHost Host { get; }
    public FakeTimeProvider Clock { get; }

    public static async Task<BotHarness> StartAsync(string connectionString, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, Action<IHostApplicationBuilder>? configure = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:SalesCoach"] = connectionString });
        builder.AddStorage();
        builder.AddConversations();
        builder.AddSchedulerPlanning();
        configure?.Invoke(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.PrepareAsync();
        return new BotHarness(host, clock);
    }

    /// <summary>A 1:1 conversation with one user, "user1" unless another is given.</summary>
    public ChatFlow Flow(ChatUser? user = null) => new(Host.Services, user ?? User("user1"));

    /// <summary>A personal (1:1) conversation, as a rep has with the bot in Teams or Slack.</summary>
    public static ChatUser User(string userId, string conversationId = "conversation") => new(userId, conversationId);

    public SalesCoachDbContext Database() =>
        Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();

    /// <summary>Runs a scheduled job's work once, now on the fake clock.</summary>
    public async Task<T> RunAsync<T>(Func<SalesCoachBot.Scheduling.ProactiveRuns, Task<T>> run)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<SalesCoachBot.Scheduling.ProactiveRuns>());
    }

    /// <summary>What is in the outbox, oldest first, with the replies read back.</summary>
    public List<(SalesCoachBot.Outbox.OutboxMessage Message, SalesCoachBot.Replies.Reply Reply)> Outbox()
    {
        using var db = Database();
        return [.. db.Outbox.OrderBy(m => m.Id).AsEnumerable().Select(m => (m, SalesCoachBot.Outbox.OutboxWriter.Deserialize(m.ReplyJson)))];
    }

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        return ValueTask.CompletedTask;
    }
}
