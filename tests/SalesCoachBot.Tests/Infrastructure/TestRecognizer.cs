using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The recognizer as the bot builds it, on the shipped sales content and the real sentence model.</summary>
public static class TestRecognizer
{
    public static UtteranceRecognizer Create(string defaultCurrency = "USD") => Create(Model(), defaultCurrency);

    public static UtteranceRecognizer Create(UnderstandingModel model, string defaultCurrency = "USD") =>
        Services(model, defaultCurrency).GetRequiredService<UtteranceRecognizer>();

    /// <summary>The recognizer's part of the bot: the intents with their readers, nothing that needs a database.</summary>
    public static IServiceProvider Services(UnderstandingModel model, string defaultCurrency = "USD") => new ServiceCollection()
        .AddSingleton(TestContent.Shipped)
        .AddSingleton(model)
        .AddSingleton(new AmountRecognizer(defaultCurrency))
        .AddUnderstanding()
        .BuildServiceProvider();

    public static UnderstandingModel Model()
    {
        var content = TestContent.Shipped;
        var signals = new SentenceSignals(new StageFinder(content));
        return new UnderstandingModel(content, MiniLmEmbedder.Shared, Cache, signals);
    }

    public static EmbeddingCache Cache { get; } = new(MiniLmEmbedder.Shared, EmbeddingCache.DefaultDirectory);
}
