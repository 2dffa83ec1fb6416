using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The recognizer as the bot builds it, on the shipped sales content.</summary>
public static class TestRecognizer
{
    public static UtteranceRecognizer Create(string defaultCurrency = "USD")
    {
        var amounts = new AmountRecognizer(defaultCurrency);
        var dates = new DateRecognizer();
        var content = TestContent.Shipped;
        return new UtteranceRecognizer(amounts, dates, new InteractionParser(dates), new GoalParser(amounts), content);
    }
}
