using System.Diagnostics;
using System.Diagnostics.Metrics;
using SalesCoachBot.Telemetry;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Telemetry;

/// <summary>
/// Each turn is one span and one count, tagged by channel and intent only. Other tests run turns at the
/// same time, so only what happens under this test's own parent span is looked at.
/// </summary>
public sealed class TurnTelemetryTests : BotTest, IDisposable
{
    private const string TestSourceName = "SalesCoachBot.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly List<Activity> spans = [];
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> counts = [];
    private readonly ActivityListener activities;
    private readonly MeterListener meters = new();
    private readonly Activity parent;

    public TurnTelemetryTests()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is BotTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => { lock (spans) spans.Add(span); },
        };
        ActivitySource.AddActivityListener(activities);
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotTelemetry.Name)
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Activity.Current?.TraceId != parent?.TraceId)
                return;
            lock (counts)
                counts.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        meters.Start();
        parent = TestSource.StartActivity("test")!;
    }

    private List<Activity> Turns()
    {
        lock (spans)
            return [.. spans.Where(s => s.OperationName == BotTelemetry.TurnSpan && s.TraceId == parent.TraceId)];
    }

    [Fact]
    public async Task ATurnIsOneSpanTaggedWithChannelIntentAndOutcomeButNotWhatWasSaid()
    {
        const string said = "new deal Acme Corp $45,000";
        await Bot.Flow().Send(said).AssertReply(Contains("New deal")).StartTestAsync();

        var turn = Assert.Single(Turns());
        Assert.Equal("test", turn.GetTagItem("channel"));
        Assert.Equal("new-deal", turn.GetTagItem("intent"));
        Assert.Equal(BotTelemetry.Answered, turn.GetTagItem("outcome"));
        Assert.NotNull(turn.GetTagItem("duration_ms"));
        Assert.All(turn.Tags, tag =>
        {
            Assert.DoesNotContain("Acme", tag.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("45", tag.Value);
            Assert.NotEqual(said, tag.Value);
        });
    }

    [Fact]
    public async Task AnUnclearMessageIsTaggedWithTheIntentItWasReadAs()
    {
        await Bot.Flow().Send("help").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow().Send("they say we're too expensive").AssertReply(_ => { }).StartTestAsync();

        Assert.Equal(["help", "objection"], Turns().Select(t => t.GetTagItem("intent")));
    }

    [Fact]
    public async Task EveryTurnIsCountedByChannelAndIntent()
    {
        await Bot.Flow().Send("help").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow().Send("help").AssertReply(_ => { }).StartTestAsync();

        List<(string Instrument, long Value, Dictionary<string, object?> Tags)> turns;
        lock (counts)
            turns = [.. counts.Where(c => c.Instrument == "salescoachbot.turns")];
        Assert.Equal(2, turns.Sum(t => t.Value));
        Assert.All(turns, t => Assert.Equal(("test", "help", BotTelemetry.Answered), (t.Tags["channel"], t.Tags["intent"], t.Tags["outcome"])));
    }

    public void Dispose()
    {
        parent.Dispose();
        activities.Dispose();
        meters.Dispose();
    }
}
