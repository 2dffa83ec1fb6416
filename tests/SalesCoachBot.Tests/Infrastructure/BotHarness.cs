using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
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
/// on a temporary SQLite file and a fake clock, driven through the Bot Framework's TestAdapter.
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
    public IBot Bot => Host.Services.GetRequiredService<IBot>();

    public static async Task<BotHarness> StartAsync(string connectionString, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:SalesCoach"] = connectionString });
        builder.AddStorage();
        builder.AddConversations();
        builder.AddSchedulerPlanning();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        var host = builder.Build();
        await host.PrepareAsync();
        return new BotHarness(host, clock);
    }

    /// <summary>A conversation with one user, as the TestAdapter's default "user1".</summary>
    public TestFlow Flow(TestAdapter? adapter = null) => new(adapter ?? new TestAdapter(), Bot);

    public static TestAdapter AdapterFor(string userId, string conversationId = "conversation") =>
        new(TestAdapter.CreateConversation(conversationId, userId, "bot"));

    public SalesCoachDbContext Database() =>
        Host.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContext();

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        return ValueTask.CompletedTask;
    }
}
