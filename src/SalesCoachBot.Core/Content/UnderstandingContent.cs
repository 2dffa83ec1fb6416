namespace SalesCoachBot.Content;

/// <summary>A label with its example sentences: an intent, or a reason a deal was lost.</summary>
public sealed record LabelledExamples(string Id, string Label, IReadOnlyList<string> Examples);

/// <summary><c>understanding.yaml</c>: what reps say for each intent, and why deals are lost.</summary>
public sealed record UnderstandingContent(IReadOnlyList<LabelledExamples> Intents, IReadOnlyList<LabelledExamples> LostReasons)
{
    public string LabelOf(string intentId) => Intents.FirstOrDefault(i => i.Id == intentId)?.Label ?? intentId;
}
