namespace SalesCoachBot.Hosting;

public static class AfterListening
{
    /// <summary>
    /// The hosted services <paramref name="add"/> registers start once the host is listening (in the order they
    /// were added, one after the other) instead of before it: background work that no request waits for stays
    /// off the start path, and <c>/healthz/ready</c> answers sooner.
    /// </summary>
    public static IServiceCollection AddAfterListening(this IServiceCollection services, Action<IServiceCollection> add)
    {
        var before = services.ToHashSet();
        add(services);
        var later = services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList();
        if (later.Count == 0)
            return services;
        var queue = services.Select(d => d.ImplementationInstance).OfType<LaterServices>().SingleOrDefault();
        if (queue is null)
        {
            queue = new LaterServices();
            services.AddSingleton(queue);
            services.AddHostedService<LaterStart>();
        }
        foreach (var descriptor in later)
        {
            services.Remove(descriptor);
            queue.Add(descriptor);
        }
        return services;
    }
}

internal sealed class LaterServices : List<ServiceDescriptor>;
