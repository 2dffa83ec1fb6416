using SalesCoachBot.Persistence;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Wraps every log provider so that an entry caused by the database not answering — from the bot's own adapters and
/// workers as from EF Core, Quartz's job store or ASP.NET Core — is noted by <see cref="DatabaseOutages"/> (one warning
/// per outage) instead of written with its stack trace, once for each request, turn and round that fails meanwhile.
/// </summary>
public static class OutageQuietLogging
{
    public static IHostApplicationBuilder AddOutageQuietLogging(this IHostApplicationBuilder builder)
    {
        foreach (var provider in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList())
        {
            builder.Services.Remove(provider);
            builder.Services.AddSingleton<ILoggerProvider>(services =>
                new Provider(Create(services, provider), new Lazy<DatabaseOutages>(services.GetRequiredService<DatabaseOutages>)));
        }
        return builder;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class Provider(ILoggerProvider inner, Lazy<DatabaseOutages> outages) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), outages);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner, Lazy<DatabaseOutages> outages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel >= LogLevel.Warning && outages.Value.Noted(exception))
                return;
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
