namespace SalesCoachBot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 while the database answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz");
        return endpoints;
    }
}
