using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Channels.Slack;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>A stored turn waits for a burst's acknowledgements, briefly, and not at all when there are none.</summary>
public sealed class AcknowledgementsInFlightTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void WithNoAcknowledgementInProgressATurnGoesAtOnce()
    {
        var acknowledgements = new AcknowledgementsInFlight(clock);
        Assert.True(acknowledgements.WhenQuietAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ATurnWaitsUntilTheAcknowledgementsInProgressAreGivenAndNoneFollowsForAMoment()
    {
        var acknowledgements = new AcknowledgementsInFlight(clock);
        var first = acknowledgements.Enter();
        var second = acknowledgements.Enter();
        var turn = acknowledgements.WhenQuietAsync(CancellationToken.None);

        first.Dispose();
        second.Dispose();
        Assert.False(turn.IsCompleted); // the next delivery of a burst may be on its way

        clock.Advance(AcknowledgementsInFlight.Quiet / 2);
        using (acknowledgements.Enter()) // and here it is
            clock.Advance(AcknowledgementsInFlight.Quiet);
        Assert.False(turn.IsCompleted);

        clock.Advance(AcknowledgementsInFlight.Quiet);
        await turn.WaitAsync(Limit);
    }

    [Fact]
    public async Task UnderSteadyAcknowledgementsATurnWaitsNoLongerThanItsPatience()
    {
        var acknowledgements = new AcknowledgementsInFlight(clock);
        using var steady = acknowledgements.Enter();
        var turn = acknowledgements.WhenQuietAsync(CancellationToken.None);

        clock.Advance(AcknowledgementsInFlight.Patience - TimeSpan.FromMilliseconds(1));
        Assert.False(turn.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await turn.WaitAsync(Limit);
    }

    [Fact]
    public async Task AStoppingHostStopsTheWait()
    {
        var acknowledgements = new AcknowledgementsInFlight(clock);
        using var steady = acknowledgements.Enter();
        using var stop = new CancellationTokenSource();
        var turn = acknowledgements.WhenQuietAsync(stop.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn.WaitAsync(Limit));
    }
}
