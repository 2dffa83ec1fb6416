using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot;
using System.Diagnostics;
using SalesCoachBot.Content;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Evaluation;
using SalesCoachBot.Understanding.Learning;

/// <summary>
/// How long understanding takes: building the model from the examples with no cache (first start on a
/// machine) and from the disk cache (every later start), and reading one message, over the labelled rep
/// messages in the tests, after warm-up, one thread.
/// </summary>
internal static class UnderstandingLoad
{
    public static void Run(string repository)
    {
        var content = SalesContentLoader.Load(Path.Combine(repository, "dialogs"), SalesCoachCoreServices.BuiltInIntentLabels());
        var cacheFolder = Directory.CreateTempSubdirectory("salescoach-embeddings-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            _ = MiniLmEmbedder.Shared.Embed(["warm the sentence model"]);
            Console.WriteLine($"sentence model loaded in {clock.Elapsed.TotalSeconds:0.00} s");

            clock.Restart();
            Build(content, cacheFolder).Warm();
            Console.WriteLine($"model built with no cache (embed every example, train): {clock.Elapsed.TotalSeconds:0.00} s");

            var files = new[] { "rep-messages.tsv", "dev-messages.tsv" }
                .Select(f => LabelledSet.Parse(File.ReadAllLines(Path.Combine(repository, "tests", "SalesCoachBot.Tests", "Understanding", f)))).ToList();
            var recognizer = Recognizer(content, Build(content, cacheFolder));
            var messages = files.SelectMany(f => f.Messages.Select(m => (m.Text, Context: new RecognitionContext(f.Now, f.Deals)))).ToList();
            foreach (var (text, context) in messages.Take(50))
                recognizer.Read(text, context);

            var times = new List<double>();
            for (var pass = 0; pass < 3; pass++)
                foreach (var (text, context) in messages)
                {
                    clock.Restart();
                    recognizer.Read(text, context);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            times.Sort();
            double At(double p) => times[(int)Math.Min(times.Count - 1, Math.Round(p * (times.Count - 1)))];
            Console.WriteLine($"one message understood ({times.Count:N0} reads of {messages.Count} labelled messages): p50 {At(0.5):0.0} ms, p90 {At(0.9):0.0} ms, p99 {At(0.99):0.0} ms, max {times[^1]:0.0} ms");
        }
        finally
        {
            Directory.Delete(cacheFolder, recursive: true);
        }
    }

    private static UnderstandingModel Build(SalesContent content, string cacheFolder) =>
        new(content, MiniLmEmbedder.Shared, new EmbeddingCache(MiniLmEmbedder.Shared, cacheFolder), Signals(content));

    private static SentenceSignals Signals(SalesContent content) => new(new StageFinder(content));

    private static UtteranceRecognizer Recognizer(SalesContent content, UnderstandingModel model) => new ServiceCollection()
        .AddSingleton(content)
        .AddSingleton(model)
        .AddSingleton(new AmountRecognizer("USD"))
        .AddUnderstanding()
        .BuildServiceProvider()
        .GetRequiredService<UtteranceRecognizer>();
}
