using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;

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

    private readonly Lazy<MessageLanguage> languages = new(() =>
    {
        var translated = Translated(content);
        return new MessageLanguage(AllExamples(content).Select(e => (translated.GetValueOrDefault(e), e)));
    });

    public UnderstandingContent Content => content.Understanding;

    /// <summary>The language the message is written in, by its words; null when they do not tell (see <see cref="MessageLanguage"/>).</summary>
    public Language? LanguageOf(string text, IEnumerable<string>? dealNames = null) => languages.Value.Of(text, dealNames);

    /// <summary>The words the examples are written in (see <see cref="ExampleWords"/>).</summary>
    public ExampleWords Words => words.Value;

    public void Warm() => _ = indexes.Value;

    public float[] Embed(string text) => embedder.Embed([Prepare(text)])[0];

    /// <summary>
    /// Intents best first, scored 0–1: the classifier's probability and the nearest examples' similarity. A message in
    /// English is compared with the English examples; one in another language with every example (reps mix in English),
    /// and the classifier weighs more there, as the sentence model reads English alone.
    /// </summary>
    public IReadOnlyList<LabelScore> RankIntents(float[] vector, string text, Language language = Language.English)
    {
        var model = indexes.Value;
        var (ranked, nearest) = (language == Language.English ? model.EnglishIntents : model.Intents).RankWithNearest(vector);
        if (nearest.Score >= SameSentence)
            return [nearest with { Score = 1f }, .. ranked.Where(s => s.Label != nearest.Label)];
        var probabilities = IntentProbabilities(model.Classifier.Predict(Features(vector, text, language), WordFeatures.Of(Prepare(text), beyondEnglish: language != Language.English)));
        return Combine(ranked, probabilities, language);
    }

    private static List<LabelScore> Combine(IReadOnlyList<LabelScore> nearest, Dictionary<string, float> probabilities, Language language)
    {
        var (classifier, similarity) = language == Language.English ? (1f, 2f) : (2f, 1f);
        return [.. nearest
            .Select(s => s with { Score = (classifier * probabilities.GetValueOrDefault(s.Label) + similarity * s.Score) / 3 })
            .OrderByDescending(s => s.Score)];
    }

    /// <summary>
    /// Objection categories best first, scored like intents: the classifier's probability among the categories
    /// and the similarity of each category's nearest examples.
    /// </summary>
    public IReadOnlyList<LabelScore> RankObjections(float[] vector, string text, Language language = Language.English)
    {
        var model = indexes.Value;
        var ranked = (language == Language.English ? model.EnglishObjections : model.Objections).Rank(vector);
        return Combine(ranked, model.Categories.Predict(Features(vector, text, language), WordFeatures.Of(Prepare(text), beyondEnglish: language != Language.English)), language);
    }

    // A sentence in another language has its vector in dimensions of its own (the sentence model reads English alone, and
    // places it elsewhere), so English is read as it was learned from the English examples.
    private float[] Features(float[] vector, string text, Language language) => Features(vector, text, language != Language.English, signals);

    // [English vector, English signals | other vector, other signals, 1]: the last one lets the other language weigh its
    // labels apart from English.
    private static float[] Features(float[] vector, string text, bool beyondEnglish, SentenceSignals signals)
    {
        var own = signals.Append(vector, text);
        var features = new float[2 * own.Length + 1];
        own.CopyTo(features, beyondEnglish ? own.Length : 0);
        features[^1] = beyondEnglish ? 1f : 0f;
        return features;
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
            foreach (var index in (ReadOnlySpan<ExampleIndex>)[indexes.Value.Intents, indexes.Value.EnglishIntents])
                index.Add(category is null ? label : IntentIds.Objection, vector);
            if (category is not null)
                foreach (var index in (ReadOnlySpan<ExampleIndex>)[indexes.Value.Objections, indexes.Value.EnglishObjections])
                    index.Add(category, vector);
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
        var translated = Translated(content);
        ExampleIndex Index(List<(string Label, string Text)> examples, int neighbours = 3) =>
            new(examples.Select(e => (e.Label, vectors[Prepare(e.Text)])), neighbours);
        SoftmaxClassifier Classifier(List<(string Label, string Text)> examples) => cache.Classifier(examples, $"{SentenceSignals.Version} {WordFeatures.Version} objections-weigh-{ObjectionWeight} languages-apart-balanced-apart", () => SoftmaxClassifier.Train(
            [.. examples.Select(e => (e.Label, Features(vectors[Prepare(e.Text)], e.Text, translated.ContainsKey(e.Text), signals),
                WordFeatures.Of(Prepare(e.Text), beyondEnglish: translated.ContainsKey(e.Text))))], groupOf: IntentOf, groupPower: ObjectionWeight,
            parts: [.. examples.Select(e => translated.TryGetValue(e.Text, out var language) ? (int)language : 0)]));
        List<(string, string)> English(List<(string Label, string Text)> examples) => [.. examples.Where(e => !translated.ContainsKey(e.Text))];
        return new Indexes(Index(intents, Neighbours), Classifier(classes), Index(objections, Neighbours), Classifier(objections), Index(lost))
        {
            EnglishIntents = Index(English(intents), Neighbours),
            EnglishObjections = Index(English(objections), Neighbours),
        };
    }

    private static IEnumerable<string> AllExamples(SalesContent content) =>
        content.Understanding.Intents.Concat(content.Understanding.LostReasons).SelectMany(i => i.Examples)
            .Concat(content.Playbook.Categories.SelectMany(c => c.Examples));

    // The examples written in another language than English, with it: those of the translated content files.
    private static Dictionary<string, Language> Translated(SalesContent content)
    {
        var translated = new Dictionary<string, Language>(StringComparer.Ordinal);
        foreach (var (language, understanding) in content.Understanding.Translations)
            foreach (var example in understanding.Intents.Concat(understanding.LostReasons).SelectMany(i => i.Examples))
                translated[example] = language;
        foreach (var (language, category) in content.Playbook.Categories.SelectMany(c => c.Translations))
            foreach (var example in category.Examples)
                translated[example] = language;
        return translated;
    }

    private sealed record Indexes(ExampleIndex Intents, SoftmaxClassifier Classifier, ExampleIndex Objections, SoftmaxClassifier Categories, ExampleIndex LostReasons)
    {
        public required ExampleIndex EnglishIntents { get; init; }
        public required ExampleIndex EnglishObjections { get; init; }
    }
}
