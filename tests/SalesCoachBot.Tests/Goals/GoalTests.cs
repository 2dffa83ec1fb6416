using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Goals;

/// <summary>Monday 2 March 2026: the week runs to Sunday 8 March, the month to 31 March, the quarter to 31 March.</summary>
public sealed class GoalTests : BotTest
{
    [Fact]
    public async Task AnActivityGoalCountsWhatWasLoggedThisWeek()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("goal: 20 calls a week").AssertReply(Contains("20 calls a week", "0 of 20 · 6 days left"))
            .Send("called acme today").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("called acme last friday").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged"))
            .Send("my goals").AssertReply(Contains("Your goals", "20 calls a week: 1 of 20 · 6 days left"))
            .StartTestAsync();
    }

    [Fact]
    public async Task DealAndRevenueGoalsCountWonDealsThisPeriod()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("my goal this month: close 3 deals").AssertReply(Contains("close 3 deals this month"))
            .Send("$50k this quarter").AssertReply(Contains("$50,000 won this quarter"))
            .Send("move acme to won").AssertReply(Contains("What made the difference?"))
            .Send("skip").AssertReply(Contains("OK."))
            .Send("my goals").AssertReply(Contains("close 3 deals this month: 1 of 3", "$50,000 won this quarter: $45,000 of $50,000"))
            .StartTestAsync();
    }

    [Fact]
    public async Task SettingTheSameKindOfGoalAgainReplacesIt()
    {
        await Bot.Flow()
            .Send("goal: 20 calls a week").AssertReply(Contains("20 calls a week"))
            .Send("goal: 30 calls a week").AssertReply(Contains("30 calls a week"))
            .Send("my goals").AssertReply(Contains("30 calls a week: 0 of 30"))
            .Send("my goals").AssertReply(DoesNotContain("20 calls"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ARevenueGoalInAnotherCurrencySaysWhichGoalItReplaced()
    {
        await Bot.Flow()
            .Send("$50k this quarter").AssertReply(Contains("$50,000 won this quarter"))
            .Send("€40k this quarter").AssertReply(Contains("€40,000 won this quarter", "It replaces your goal of $50,000 won this quarter."))
            .Send("my goals").AssertReply(DoesNotContain("$50,000"))
            .Send("€40k this quarter").AssertReply(DoesNotContain("replaces"))
            .StartTestAsync();
    }

    [Fact]
    public async Task WithoutAGoalTheRepIsOfferedSuggestionsThatWorkWhenPressed()
    {
        var suggestions = TestContent.Shipped.Phrasing.GoalSuggestions;
        await Bot.Flow()
            .Send("my goals").AssertReply(Contains($"[1] {suggestions[0]}"))
            .Send("1").AssertReply(Contains(suggestions[0], "0 of"))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheProgressLineComesFromTheContentAndFitsHowItIsGoing()
    {
        var behind = TestContent.Shipped.Phrasing.GoalProgress[SalesCoachBot.Goals.GoalState.Behind];
        await Bot.Flow()
            .Send("goal: 5 demos a month").AssertReply(Contains("5 demos a month"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(20)))
            .Send("my goals").AssertReply(activity =>
                Assert.Contains(behind, line => SalesCoachBot.Replies.ReplyText.Render(activity).Contains(line.Split('{')[0].Trim())))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("set my weekly goal to 20 emails")]
    [InlineData("set my email target to 20 a week")]
    [InlineData("weekly goal: 20 emails")]
    [InlineData("put my weekly target at 20 e-mails")]
    [InlineData("20 emails a week is my goal")]
    [InlineData("change my weekly quota to 20 emails")]
    public async Task AGoalCountedInEmailsIsAGoalNotAMove(string message)
    {
        await Bot.Flow()
            .Send(message).AssertReply(Contains("20 emails a week"))
            .StartTestAsync();
    }
}
