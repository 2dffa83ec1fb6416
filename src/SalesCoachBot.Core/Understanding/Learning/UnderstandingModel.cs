using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// What the bot has learned to recognise from the examples in <c>dialogs/</c> (every objection example
/// also counting for the objection intent), plus what reps taught it by picking from a question. An
/// intent's score combines a classifier trained on the examples with the similarity of its nearest
/// examples; an example that is nearly the same sentence decides. Built once, on first use (the warm-up
/// does that at start-up, off the request path); vectors and weights are cached on disk.
/// </summary>
public sealed class UnderstandingModel(SalesContent content, ISentenceEmbedder embedder, EmbeddingCache cache, SentenceSignals signals)
{
    /// <summary>Cosine from which an example counts as the same sentence.</summary>
    public const float SameSentence = 0.95f;

    private const int Neighbours = 5;

    private readonly Lazy<Indexes> indexes = new(() => Build(content, cache, signals));

    private readonly Lazy<ExampleWords> words = new(() => new ExampleWords(
        content.Understanding.Intents.SelectMany(i => i.Examples.Select(e => (i.Id, e)))
            .Concat(content.Playbook.Categories.SelectMany(c => c.Examples.Select(e => (IntentIds.Objection, e)))),
        [.. StageNames.BuiltIn.Select(s => s.Name), .. StageNames.Open.SelectMany(s => content.For(s).AlsoCalled),
            .. content.Understanding.LostReasons.SelectMany(r => r.Examples.Append(r.Label))]));

    public UnderstandingContent Content => content.Understanding;

    /// <summary>The words the examples are written in (see <see cref="ExampleWords"/>).</summary>
    public ExampleWords Words => words.Value;

    public void Warm() => _ = indexes.Value;

    public float[] Embed(string text) => embedder.Embed([Prepare(text)])[0];

    /// <summary>Intents best first, scored 0–1: the classifier's probability and the nearest examples' similarity.</summary>
    public IReadOnlyList<LabelScore> RankIntents(float[] vector, string text)
    {
        var model = indexes.Value;
        var (ranked, nearest) = model.Intents.RankWithNearest(vector);
        if (nearest.Score >= SameSentence)
            return [nearest with { Score = 1f }, .. ranked.Where(s => s.Label != nearest.Label)];
        var probabilities = IntentProbabilities(model.Classifier.Predict(signals.Append(vector, text), WordFeatures.Of(Prepare(text))));
        return [.. ranked
            .Select(s => s with { Score = (probabilities.GetValueOrDefault(s.Label) + 2 * s.Score) / 3 })
            .OrderByDescending(s => s.Score)];
    }

    /// <summary>
    /// Objection categories best first, scored like intents: the classifier's probability among the categories
    /// and the similarity of each category's nearest examples.
    /// </summary>
    public IReadOnlyList<LabelScore> RankObjections(float[] vector, string text)
    {
        var model = indexes.Value;
        var ranked = model.Objections.Rank(vector);
        var probabilities = model.Categories.Predict(signals.Append(vector, text), WordFeatures.Of(Prepare(text)));
        return [.. ranked
            .Select(s => s with { Score = (probabilities.GetValueOrDefault(s.Label) + 2 * s.Score) / 3 })
            .OrderByDescending(s => s.Score)];
    }

    // The classifier tells the objection categories apart (an objection about price and one about a rival read
    // nothing alike); the intent "objection" is all of them together.
    private static Dictionary<string, float> IntentProbabilities(Dictionary<string, float> byClass)
    {
        var intents = new Dictionary<string, float>(byClass.Count);
        foreach (var (label, probability) in byClass)
        {
            var intent = IntentOf(label);
            intents[intent] = intents.GetValueOrDefault(intent) + probability;
        }
        return intents;
    }

    private static string IntentOf(string classLabel) =>
        classLabel.StartsWith(ObjectionClass, StringComparison.Ordinal) ? IntentIds.Objection : classLabel;

    private const string ObjectionClass = IntentIds.Objection + ":";

    /// <summary>
    /// How much the objection categories weigh together in training, as a power of their number: 0 would weigh
    /// them as one intent (objections then read as logs or questions), 1 as that many intents (logs and
    /// won/lost news then read as objections).
    /// </summary>
    private const float ObjectionWeight = 0.5f;

    public IReadOnlyList<LabelScore> RankLostReasons(float[] vector) => indexes.Value.LostReasons.Rank(vector);

    /// <summary>The objection a sentence reports, when one is clearly there ("…they asked for a discount").</summary>
    public string? ObjectionIn(string text, float atLeast = 0.4f) =>
        indexes.Value.Objections.Rank(Embed(text)) is [var best, ..] && best.Score >= atLeast ? best.Label : null;

    /// <summary>Adds examples taught by reps (label: an intent id, or <c>objection:category</c>).</summary>
    public void Learn(IEnumerable<(string Label, string Text)> examples)
    {
        var list = examples.ToList();
        if (list.Count == 0)
            return;
        var vectors = embedder.Embed([.. list.Select(e => Prepare(e.Text))]);
        for (var i = 0; i < list.Count; i++)
        {
            var (label, vector) = (list[i].Label, vectors[i]);
            var category = label.StartsWith(IntentIds.Objection + ":", StringComparison.Ordinal) ? label[(IntentIds.Objection.Length + 1)..] : null;
            indexes.Value.Intents.Add(category is null ? label : IntentIds.Objection, vector);
            if (category is not null)
                indexes.Value.Objections.Add(category, vector);
        }
    }

    /// <summary>How text is compared: shorthand spelled out, in lower case.</summary>
    public static string Prepare(string text) => Shorthand.Expand(text).ToLowerInvariant();

    private static Indexes Build(SalesContent content, EmbeddingCache cache, SentenceSignals signals)
    {
        var intents = content.Understanding.Intents.SelectMany(i => i.Examples.Select(e => (i.Id, e)))
            .Concat(content.Playbook.Categories.SelectMany(c => c.Examples.Select(e => (IntentIds.Objection, e))))
            .ToList();
        var objections = content.Playbook.Categories.SelectMany(c => c.Examples.Select(e => (c.Id, e))).ToList();
        var classes = content.Understanding.Intents.SelectMany(i => i.Examples.Select(e => (i.Id, e)))
            .Concat(content.Playbook.Categories.SelectMany(c => c.Examples.Select(e => (ObjectionClass + c.Id, e))))
            .ToList();
        var lost = content.Understanding.LostReasons.SelectMany(r => r.Examples.Select(e => (r.Id, e))).ToList();

        var all = intents.Concat(objections).Concat(lost).Select(p => Prepare(p.e)).Distinct().ToList();
        var vectors = all.Zip(cache.Embed(all)).ToDictionary(p => p.First, p => p.Second);
        ExampleIndex Index(List<(string Label, string Text)> examples, int neighbours = 3) =>
            new(examples.Select(e => (e.Label, vectors[Prepare(e.Text)])), neighbours);
        SoftmaxClassifier Classifier(List<(string Label, string Text)> examples) => cache.Classifier(examples, $"{SentenceSignals.Version} {WordFeatures.Version} objections-weigh-{ObjectionWeight}", () => SoftmaxClassifier.Train(
            [.. examples.Select(e => (e.Label, signals.Append(vectors[Prepare(e.Text)], e.Text), WordFeatures.Of(Prepare(e.Text))))], groupOf: IntentOf, groupPower: ObjectionWeight));
        return new Indexes(Index(intents, Neighbours), Classifier(classes), Index(objections, Neighbours), Classifier(objections), Index(lost));
    }

    private sealed record Indexes(ExampleIndex Intents, SoftmaxClassifier Classifier, ExampleIndex Objections, SoftmaxClassifier Categories, ExampleIndex LostReasons);
}
