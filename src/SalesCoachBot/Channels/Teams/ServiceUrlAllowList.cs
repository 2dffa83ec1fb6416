using Microsoft.Extensions.Options;

namespace SalesCoachBot.Channels.Teams;

/// <summary>The hosts the bot will call back: the Bot Framework and Teams connectors, and in Development the local Emulator.</summary>
public sealed class ServiceUrlAllowList
{
    /// <summary>Where the Bot Framework's channels (public cloud, US Government clouds, Azure China) and Teams send from.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts =
    [
        "*.botframework.com",
        "smba.trafficmanager.net",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
        "*.botframework.us",
        "*.botframework.azure.cn",
    ];

    private static readonly string[] LocalHosts = ["localhost", "127.0.0.1", "::1"];

    private readonly string[] hosts;

    public ServiceUrlAllowList(IOptions<TeamsOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.AllowedServiceUrlHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray();
        hosts = [.. configured.Length > 0 ? configured : DefaultHosts, .. environment.IsDevelopment() ? LocalHosts : []];
    }

    public bool Allows(Uri serviceUrl)
    {
        var host = serviceUrl.IdnHost.Trim('[', ']');
        return hosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(allowed, StringComparison.OrdinalIgnoreCase));
    }
}
