namespace SalesCoachBot.Understanding.Learning;

/// <summary>A label's score for a sentence: how close its nearest examples are (cosine, 0–1).</summary>
public readonly record struct LabelScore(string Label, float Score);

/// <summary>
/// Labelled example sentences as vectors. A sentence is scored against each label by the mean
/// similarity of that label's nearest examples (<paramref name="neighbours"/> of them): nearer examples
/// count, one stray example does not decide alone.
/// </summary>
public sealed class ExampleIndex(IEnumerable<(string Label, float[] Vector)> examples, int neighbours = 3)
{
    private readonly Lock gate = new();
    private (string Label, float[] Vector)[] examples = [.. examples];

    public void Add(string label, float[] vector)
    {
        lock (gate)
            examples = [.. examples, (label, vector)];
    }

    /// <summary>Every label, best first by its nearest examples; and the single nearest example, from the same pass.</summary>
    public (IReadOnlyList<LabelScore> Ranked, LabelScore Nearest) RankWithNearest(float[] vector)
    {
        var best = new Dictionary<string, TopK>();
        foreach (var (label, example) in examples)
        {
            if (!best.TryGetValue(label, out var top))
                best[label] = top = new TopK(neighbours);
            top.Offer(VectorMath.Dot(vector, example));
        }
        var nearest = best.Select(b => new LabelScore(b.Key, b.Value.Max)).MaxBy(s => s.Score);
        return ([.. best.Select(b => new LabelScore(b.Key, b.Value.Mean())).OrderByDescending(s => s.Score)], nearest);
    }

    /// <summary>Every label, best first.</summary>
    public IReadOnlyList<LabelScore> Rank(float[] vector) => RankWithNearest(vector).Ranked;

    private sealed class TopK(int size)
    {
        private readonly float[] scores = Enumerable.Repeat(float.MinValue, size).ToArray();
        private int count;

        public void Offer(float score)
        {
            count++;
            var smallest = 0;
            for (var i = 1; i < size; i++)
                if (scores[i] < scores[smallest])
                    smallest = i;
            if (score > scores[smallest])
                scores[smallest] = score;
        }

        public float Max => scores.Max();

        public float Mean()
        {
            var n = Math.Min(count, size);
            return scores.OrderDescending().Take(n).Sum() / n;
        }
    }
}
