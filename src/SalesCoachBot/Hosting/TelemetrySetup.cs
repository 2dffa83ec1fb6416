using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Hosting;

public static class TelemetrySetup
{
    public const string PrometheusSetting = "Telemetry:Prometheus";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces and metrics of the bot, ASP.NET Core and HttpClient: to an OTLP collector when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, and as Prometheus text when Telemetry:Prometheus is true.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var prometheus = builder.Configuration.GetValue<bool>(PrometheusSetting);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                    metrics.AddOtlpExporter();
                if (prometheus)
                    metrics.AddPrometheusExporter();
            });
        return builder;
    }

    /// <summary><c>GET /metrics</c> in Prometheus text format, when Telemetry:Prometheus is true.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(PrometheusSetting))
            endpoints.MapPrometheusScrapingEndpoint();
        return endpoints;
    }
}
