using System.Diagnostics.Metrics;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Crm;

/// <summary>The CRM sync's counters, on the bot's meter; tagged with the provider only.</summary>
public static class CrmTelemetry
{
    public static readonly Counter<long> Pulled = BotTelemetry.Meter.CreateCounter<long>("salescoachbot.crm.pulled", "{deal}", "Deals read from the CRM.");
    public static readonly Counter<long> Pushed = BotTelemetry.Meter.CreateCounter<long>("salescoachbot.crm.pushed", "{write}", "Chat changes the CRM accepted.");
    public static readonly Counter<long> Failed = BotTelemetry.Meter.CreateCounter<long>("salescoachbot.crm.failed", "{write}", "CRM writes that failed, by reason.");
    public static readonly Histogram<double> Lag = BotTelemetry.Meter.CreateHistogram<double>("salescoachbot.crm.lag", "s", "Time from a chat change to the CRM accepting it.");

    public static KeyValuePair<string, object?> Provider(string name) => new("provider", name);
}
