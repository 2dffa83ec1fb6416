using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The recognizer as the bot builds it, on the shipped sales content and the real sentence model.</summary>
public static class TestRecognizer
{
    public static UtteranceRecognizer Create(string defaultCurrency = "USD") => Create(Model(), defaultCurrency);

    public static UtteranceRecognizer Create(UnderstandingModel model, string defaultCurrency = "USD")
    {
        var amounts = new AmountRecognizer(defaultCurrency);
        var dates = new DateRecognizer();
        var content = TestContent.Shipped;
        return new UtteranceRecognizer(amounts, dates, new InteractionParser(dates), new GoalParser(amounts), content, model, new StageFinder(content));
    }

    public static UnderstandingModel Model()
    {
        var content = TestContent.Shipped;
        var signals = new SentenceSignals(new StageFinder(content));
        return new UnderstandingModel(content, MiniLmEmbedder.Shared, Cache, signals);
    }

    public static EmbeddingCache Cache { get; } = new(MiniLmEmbedder.Shared, EmbeddingCache.DefaultDirectory);
}
