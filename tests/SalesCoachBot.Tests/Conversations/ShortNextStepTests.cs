using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A next step is the action and its date, however long the note around it. The clock starts Monday 2 March 2026.</summary>
public class ShortNextStepTests : BotTest
{
    private const string LongNote =
        "Call with Harbor Freightways: forty minutes with Priya from logistics and their controller. They run dispatch on spreadsheets " +
        "and an old on-prem tool whose licence renews in April, which is why they are looking now. Priya is our champion; the controller " +
        "worries about training time for drivers and wants to see the mobile app work offline. They are also talking to Routewise, " +
        "mostly on price, and asked whether we would match a three-year term with the first quarter free. Budget sits with the COO, who wants a one-page business " +
        "case before any pilot, and legal will need our DPA and the last two pen-test summaries before they sign anything at all. Overall warm, but nothing moves without proof that offline mode holds up " +
        "in the yard, where signal drops between the sheds. I will book an offline-mode demo with their dispatch lead for Tuesday 10 March.";

    [StoreFact]
    public async Task ALongCallNoteKeepsOnlyItsDatedActionAsTheNextStep()
    {
        Assert.True(LongNote.Length > 800);
        await Bot.Flow()
            .Send("new deal Harbor Freightways").AssertReply(Contains("New deal"))
            .Send(LongNote).AssertReply(card =>
            {
                var step = Assert.Single(card.Facts, f => f.Label == "Next step");
                Assert.Equal("I will book an offline-mode demo with their dispatch lead for Tuesday 10 March (reminder Tue 10 Mar)", step.Value);
            })
            .Send("confirm").AssertReply(Contains("I'll remind you Tue 10 Mar: I will book an offline-mode demo with their dispatch lead for Tuesday 10 March."))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task ARunOnSentenceIsCutToTheClauseWithTheDate()
    {
        await Bot.Flow()
            .Send("new deal Harbor Freightways").AssertReply(Contains("New deal"))
            .Send("met harbor at the depot today, walked the yard with the site manager who showed us every loading bay and both gate houses " +
                  "and the old scanner setup they hate, they want a written quote for the scanners by friday")
            .AssertReply(card => Assert.Equal("They want a written quote for the scanners by friday (reminder Fri 6 Mar)",
                Assert.Single(card.Facts, f => f.Label == "Next step").Value))
            .StartTestAsync();
    }
}
