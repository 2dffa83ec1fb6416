using System.Globalization;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

/// <summary>Dates as reps write them, read on Wednesday 4 March 2026, 10:00 (and on 10 May, when Q1 is past).</summary>
public sealed class DateRecognizerTests
{
    private static readonly DateRecognizer Dates = new();
    private static readonly DateTime Wednesday = new(2026, 3, 4, 10, 0, 0);

    [Theory]
    // quarters: their last day, this year or the next when the quarter is over
    [InlineData("Q1", "2026-03-31")]
    [InlineData("closing end of Q1", "2026-03-31")]
    [InlineData("by Q2", "2026-06-30")]
    [InlineData("signing end of q", "2026-03-31")]
    [InlineData("by the end of q3", "2026-09-30")]
    [InlineData("q4", "2026-12-31")]
    [InlineData("Q1 2027", "2027-03-31")]
    // a close date "next month" is that month's last day
    [InlineData("closing next month", "2026-04-30")]
    // rep shorthand
    [InlineData("tmrw", "2026-03-05")]
    [InlineData("send it tmr", "2026-03-05")]
    [InlineData("pricing by eod", "2026-03-04")]
    [InlineData("proposal eow", "2026-03-06")]
    [InlineData("by end of week", "2026-03-06")]
    [InlineData("follow up nxt wk", "2026-03-09")]
    [InlineData("demo next wk", "2026-03-09")]
    [InlineData("check back in 2 wks", "2026-03-18")]
    public void ReadsCloseDatesAndNextSteps(string text, string expected) =>
        Assert.Equal(expected, Read(text, Wednesday, DateLean.Future));

    [Theory]
    [InlineData("called them last Tuesday", "2026-03-03")]
    [InlineData("met last tuesday 3pm", "2026-03-03T15:00")]
    [InlineData("last monday", "2026-03-02")]
    [InlineData("last wednesday", "2026-02-25")]
    [InlineData("last friday", "2026-02-27")]
    [InlineData("spoke yday", "2026-03-03")]
    public void ReadsWhenSomethingHappened(string text, string expected) =>
        Assert.Equal(expected, Read(text, Wednesday, DateLean.Past));

    [Theory]
    [InlineData("Q1", "2027-03-31")]
    [InlineData("end of Q1", "2027-03-31")]
    [InlineData("by Q2", "2026-06-30")]
    [InlineData("end of q", "2026-06-30")]
    public void AQuarterThatIsOverMeansNextYears(string text, string expected) =>
        Assert.Equal(expected, Read(text, new DateTime(2026, 5, 10, 10, 0, 0), DateLean.Future));

    [Fact]
    public void FindsEachDateInASentenceWhereItWasWritten()
    {
        const string text = "called acme yday, pricing by eow";
        var mentions = Dates.FindAll(text, Wednesday, DateLean.Past);
        Assert.Equal(["yday", "by eow"], mentions.Select(m => text[m.Start..(m.End + 1)]));
    }

    private static string? Read(string text, DateTime now, DateLean lean) => Dates.Find(text, now, lean) is { } date
        ? date.Local.ToString(date.HasTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : null;
}
