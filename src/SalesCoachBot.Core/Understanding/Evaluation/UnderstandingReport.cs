using SalesCoachBot.Languages;

namespace SalesCoachBot.Understanding.Evaluation;

/// <summary>How one labelled message was read.</summary>
public sealed record ScoredMessage(LabelledMessage Message, string Got, bool IntentRight, IReadOnlyList<string> WrongDetails)
{
    /// <summary>The model's nearest intent and its lead over the next, when the model read the message.</summary>
    public Learning.LabelScore? Best { get; init; }
    public float Lead { get; init; }
}

/// <summary>Accuracy on a labelled set: per intent, for objection categories, for details, with the misses.</summary>
public sealed record UnderstandingReport(IReadOnlyList<ScoredMessage> Scored)
{
    public int Total => Scored.Count;

    /// <summary>Intent right (an objection counts as right when its category is right too).</summary>
    public double Accuracy => Rate(Scored, s => s.IntentRight);

    /// <summary>The intent alone: an objection of the wrong category still counts here.</summary>
    public double IntentAccuracy => Rate(Scored, s => IntentLabels.IntentOf(s.Got) == IntentLabels.IntentOf(s.Message.Label));

    public double ObjectionCategoryAccuracy => Rate(Objections, s => s.IntentRight);

    /// <summary>Details (deal, stage, kind, amount, date) right, among messages whose intent was right.</summary>
    public double DetailAccuracy => Rate(Scored.Where(s => s.IntentRight && s.Message.Expected.Count > 0).ToList(), s => s.WrongDetails.Count == 0);

    public IReadOnlyList<ScoredMessage> Objections => [.. Scored.Where(s => s.Message.Label.StartsWith(IntentIds.Objection + ":", StringComparison.Ordinal))];

    public IReadOnlyList<(string Label, int Right, int Total)> PerLabel =>
        [.. Scored.GroupBy(s => s.Message.Label).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(s => s.IntentRight), g.Count()))];

    public IReadOnlyList<(string Expected, string Got, int Count)> Confusions =>
        [.. Scored.Where(s => !s.IntentRight).GroupBy(s => (s.Message.Label, s.Got)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Label)
            .Select(g => (g.Key.Label, g.Key.Got, g.Count()))];

    /// <summary>The same figures for the messages of each language in the set.</summary>
    public IReadOnlyList<(Language Language, UnderstandingReport Report)> PerLanguage =>
        [.. Scored.GroupBy(s => s.Message.Language).OrderBy(g => g.Key).Select(g => (g.Key, new UnderstandingReport([.. g])))];

    public IReadOnlyList<ScoredMessage> Misses => [.. Scored.Where(s => !s.IntentRight || s.WrongDetails.Count > 0)];

    private static double Rate(IReadOnlyCollection<ScoredMessage> set, Func<ScoredMessage, bool> right) =>
        set.Count == 0 ? 1 : (double)set.Count(right) / set.Count;
}
