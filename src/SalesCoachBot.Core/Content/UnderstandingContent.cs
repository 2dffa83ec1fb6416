using SalesCoachBot.Languages;

namespace SalesCoachBot.Content;

/// <summary>A label with its example sentences: an intent, or a reason a deal was lost.</summary>
public sealed record LabelledExamples(string Id, string Label, IReadOnlyList<string> Examples);

/// <summary>
/// <c>understanding.yaml</c> and its other languages (<c>understanding.id.yaml</c>): what reps say for each intent,
/// and why deals are lost. <see cref="Intents"/> and <see cref="LostReasons"/> hold the examples of every language
/// under the English labels; <see cref="Translations"/> the other languages' own labels and examples.
/// </summary>
public sealed record UnderstandingContent(IReadOnlyList<LabelledExamples> Intents, IReadOnlyList<LabelledExamples> LostReasons)
{
    public IReadOnlyDictionary<Language, UnderstandingContent> Translations { get; init; } = new Dictionary<Language, UnderstandingContent>();

    public string LabelOf(string intentId) => Intents.FirstOrDefault(i => i.Id == intentId)?.Label ?? intentId;

    /// <summary>The intent's label in the language, the English one where the language has none.</summary>
    public string LabelOf(string intentId, Language language) =>
        Translations.TryGetValue(language, out var translation) && translation.Intents.FirstOrDefault(i => i.Id == intentId) is { } found
            ? found.Label
            : LabelOf(intentId);
}
