using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesCoachBot.Telemetry;

/// <summary>
/// The bot's own traces and metrics, on <see cref="System.Diagnostics"/> only; the host decides where they go.
/// Tags carry ids and outcomes, never what a rep wrote or a deal's name or amount.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "SalesCoachBot";
    public const string TurnSpan = "chat.turn";
    public const string Answered = "answered";
    public const string Failed = "failed";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("salescoachbot.turns", "{turn}", "Chat turns answered or failed, by channel and intent.");
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("salescoachbot.turn.duration", "s", "How long a chat turn took.");
    public static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>("salescoachbot.understanding.confidence", null, "The recognised intent's score.");
    public static readonly Counter<long> OutboxDue = Meter.CreateCounter<long>("salescoachbot.outbox.due", "{message}", "Outbox messages found due.");
    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("salescoachbot.outbox.sent", "{message}", "Outbox messages the channel accepted.");
    public static readonly Counter<long> OutboxFailed = Meter.CreateCounter<long>("salescoachbot.outbox.failed", "{message}", "Outbox sends that failed or were refused.");
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("salescoachbot.outbox.lag", "s", "Time from a message being due to it being sent.");
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("salescoachbot.channel.rate_limited", "{response}", "HTTP 429 answers from a channel's API.");

    public static TagList TurnTags(string channel, string intent, string outcome) =>
        new() { { "channel", channel }, { "intent", intent }, { "outcome", outcome } };

    public static void CountRateLimited(string channel) => RateLimited.Add(1, new KeyValuePair<string, object?>("channel", channel));
}
