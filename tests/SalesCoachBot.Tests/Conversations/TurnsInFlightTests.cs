using SalesCoachBot.Conversations;

namespace SalesCoachBot.Tests.Conversations;

public class TurnsInFlightTests
{
    private static readonly TimeSpan Write = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void BackgroundWorkWaitsAsLongAsItsLastStepWhileTurnsAreInFlightAndNotOnceTheyEnd()
    {
        var turns = new TurnsInFlight();
        Assert.Equal(TimeSpan.Zero, turns.PauseAfter(Write));

        using (turns.Enter())
        using (turns.Enter())
        {
            Assert.Equal(2, turns.Count);
            Assert.Equal(Write, turns.PauseAfter(Write));
        }

        Assert.Equal(0, turns.Count);
        Assert.Equal(TimeSpan.Zero, turns.PauseAfter(Write));
    }
}
