using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

public sealed class TimeZoneTests : BotTest
{
    [Fact]
    public async Task DatesAreReadInTheRepsOwnTimeZone()
    {
        // 09:00 UTC on Monday 2 March is 16:00 in Jakarta and 01:00 in Los Angeles.
        await Bot.Flow()
            .Send("set my timezone to Asia/Jakarta").AssertReply(Contains("Time zone set to Asia/Jakarta. It's 16:00 there now."))
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today").AssertReply(Contains("When: today"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("set my timezone to America/Los_Angeles").AssertReply(Contains("It's 01:00 there now."))
            .Send("called acme yesterday").AssertReply(Contains("When: yesterday"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var times = await db.Interactions.OrderBy(i => i.Id).Select(i => i.OccurredAt).ToListAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero), times[0]); // 2 March 00:00 in Jakarta
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), times[1]); // 1 March 00:00 in Los Angeles
    }

    [Theory]
    [InlineData("Jakarta", "Asia/Jakarta")]
    [InlineData("WIB", "Asia/Jakarta")]
    [InlineData("CET", "Europe/Berlin")]
    [InlineData("PST", "America/Los_Angeles")]
    [InlineData("tokyo", "Asia/Tokyo")]
    public async Task AZoneCanBeNamedByCityOrAbbreviation(string said, string zone)
    {
        await Bot.Flow().Send($"set my timezone to {said}").AssertReply(Contains($"Time zone set to {zone}.")).StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(zone, (await db.Reps.SingleAsync()).TimeZone);
    }

    [Fact]
    public async Task TheExampleForAChangeIsAnotherZone()
    {
        await Bot.Flow()
            .Send("set my timezone to Europe/Berlin").AssertReply(Contains("Time zone set to Europe/Berlin."))
            .Send("what's my timezone?").AssertReply(Contains("Your time zone is Europe/Berlin", "Change it with \"set my timezone to America/New_York\""))
            .Send("set my timezone to Asia/Jakarta").AssertReply(Contains("Time zone set to Asia/Jakarta."))
            .Send("what's my timezone?").AssertReply(Contains("Your time zone is Asia/Jakarta", "Change it with \"set my timezone to Europe/Berlin\""))
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnknownZoneIsExplained()
    {
        await Bot.Flow().Send("set my timezone to Mars/Olympus").AssertReply(Contains("I don't know the time zone \"Mars/Olympus\"")).StartTestAsync();
    }
}
