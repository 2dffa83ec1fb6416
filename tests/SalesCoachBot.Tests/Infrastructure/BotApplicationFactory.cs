using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The real host (Program) on a given SQLite file, with optional extra settings (the scheduler is off unless they turn it on).</summary>
public sealed class BotApplicationFactory(string connectionString, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? start = null,
    CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(start ?? BotHarness.Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:SalesCoach", connectionString);
        builder.UseSetting("Scheduler:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (services is not null)
            builder.ConfigureServices(services);
        if (logs is not null)
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}
