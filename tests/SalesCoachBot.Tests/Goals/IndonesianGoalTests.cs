using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Goals;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Goals;

/// <summary>Goals as Indonesian reps set them: a target in jt or M is rupiah, "bulan ini", "kuartal ini", "seminggu" its period.</summary>
public sealed class IndonesianGoalTests : BotTest
{
    private static readonly RecognitionContext Indonesian = new(new DateTime(2026, 3, 4, 10, 0, 0), ["Sinar Logistik"]) { Language = Language.Indonesian };

    private static readonly UtteranceRecognizer Recognizer = TestRecognizer.Create();

    [Theory]
    [InlineData("target bulan ini 500jt", GoalMetric.Revenue, 500_000_000, GoalPeriod.Month, "IDR")]
    [InlineData("sasaran kuartal ini 2 M", GoalMetric.Revenue, 2_000_000_000, GoalPeriod.Quarter, "IDR")]
    [InlineData("target kuartal ini 2 M", GoalMetric.Revenue, 2_000_000_000, GoalPeriod.Quarter, "IDR")]
    [InlineData("target ku 100jt per minggu", GoalMetric.Revenue, 100_000_000, GoalPeriod.Week, "IDR")]
    [InlineData("pasang target revenue 300 juta bulan ini", GoalMetric.Revenue, 300_000_000, GoalPeriod.Month, "IDR")]
    [InlineData("saya mau target 40 telpon seminggu", GoalMetric.Calls, 40, GoalPeriod.Week, null)]
    [InlineData("target minggu ini 8 meeting", GoalMetric.Meetings, 8, GoalPeriod.Week, null)]
    [InlineData("sasaran 20 demo kuartal ini", GoalMetric.Demos, 20, GoalPeriod.Quarter, null)]
    [InlineData("target closing 5 deal minggu ini", GoalMetric.DealsWon, 5, GoalPeriod.Week, null)]
    public void AnIndonesianGoalIsReadWithItsRupiahAndPeriod(string text, GoalMetric metric, double target, GoalPeriod period, string? currency) =>
        Assert.Equal(new SetGoalIntent(metric, (decimal)target, period, currency), Recognizer.Recognize(text, Indonesian));

    [Fact]
    public async Task AnIndonesianRepsRevenueGoalIsSavedInRupiah()
    {
        await Bot.Flow()
            .Send("pakai bahasa Indonesia").AssertReply(r => Assert.Contains("bahasa Indonesia", r.Text))
            .Send("sasaran kuartal ini 2 M").AssertReply(r => Assert.DoesNotContain("above zero", ReplyText.Render(r)))
            .StartTestAsync();

        await using var db = Bot.Database();
        var goal = await db.Goals.SingleAsync();
        Assert.Equal((GoalMetric.Revenue, 2_000_000_000m, GoalPeriod.Quarter, "IDR"), (goal.Metric, goal.Target, goal.Period, goal.Currency));
    }
}
