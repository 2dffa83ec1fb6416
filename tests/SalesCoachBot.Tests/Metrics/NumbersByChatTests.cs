using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Metrics;

public sealed class NumbersByChatTests : BotTest
{
    [Fact]
    public async Task PeriodsAreNamedByTheDaysOfTheRepsZone()
    {
        await Bot.Flow().Send("set my timezone to Europe/Berlin").AssertReply(Contains("Time zone set to Europe/Berlin.")).StartTestAsync();
        await using (var db = Bot.Database())
        {
            // 23:30 UTC on 31 December is half past midnight on New Year's Day in Berlin: this quarter.
            var deal = Deal.Open("Acme Corp", new Money(45_000, "USD"), await db.Reps.SingleAsync(), new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero));
            deal.MoveTo(DealStage.Won, new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero));
            db.Deals.Add(deal);
            await db.SaveChangesAsync();
        }

        await Bot.Flow()
            .Send("my numbers this quarter").AssertReply(Contains("Your numbers, this quarter", "1 Jan 2026 – 31 Mar 2026", "Win rate: 100% (1 of 1 closed)"))
            .Send("my numbers last month").AssertReply(Contains("Your numbers, last month", "1 Feb 2026 – 28 Feb 2026"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepWithoutATeamIsToldToBeAddedByTheirOwnAddress()
    {
        await Bot.Flow(BotHarness.User("dana") with { Email = "dana@example.com" })
            .Send("team numbers").AssertReply(Contains("You're not on a team yet. A manager can add you with \"add dana@example.com to my team\"."))
            .StartTestAsync();
    }
}
