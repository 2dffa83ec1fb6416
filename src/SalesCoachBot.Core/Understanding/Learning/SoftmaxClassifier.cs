using System.Numerics;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// Multinomial logistic regression on sentence vectors: one weight vector per label, trained by full-batch
/// gradient descent with classes weighted by their size, so a label with many examples does not win by number.
/// Labels can come in groups (the objection categories, which together are one intent): a group weighs as
/// one label times its number of labels to the power <c>groupPower</c>, shared equally among its labels.
/// </summary>
public sealed class SoftmaxClassifier
{
    private readonly string[] labels;
    private readonly float[][] weights;

    private SoftmaxClassifier(string[] labels, float[][] weights) => (this.labels, this.weights) = (labels, weights);

    public IReadOnlyList<string> Labels => labels;

    public static SoftmaxClassifier Train(IReadOnlyList<(string Label, float[] Vector)> examples, int epochs = 400, float rate = 30f, float l2 = 1e-5f,
        Func<string, string>? groupOf = null, float groupPower = 0f)
    {
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var dimensions = examples[0].Vector.Length;
        var target = examples.Select(e => Array.IndexOf(labels, e.Label)).ToArray();
        groupOf ??= label => label;
        var groups = labels.Select(groupOf).ToArray();
        var groupCount = groups.Distinct().Count();
        var balance = labels.Select((_, c) =>
        {
            var siblings = groups.Count(g => g == groups[c]);
            return (float)examples.Count / (groupCount * siblings * target.Count(t => t == c)) * MathF.Pow(siblings, groupPower);
        }).ToArray();
        var weights = labels.Select(_ => new float[dimensions + 1]).ToArray();
        var partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradients = new float[partitions][][];
            Parallel.For(0, partitions, part =>
            {
                var gradient = gradients[part] = labels.Select(_ => new float[dimensions + 1]).ToArray();
                var probabilities = new float[labels.Length];
                for (var i = part; i < examples.Count; i += partitions)
                {
                    Probabilities(weights, examples[i].Vector, probabilities);
                    for (var c = 0; c < labels.Length; c++)
                        Accumulate(gradient[c], examples[i].Vector, (probabilities[c] - (c == target[i] ? 1 : 0)) * balance[target[i]]);
                }
            });
            for (var c = 0; c < labels.Length; c++)
                for (var d = 0; d <= dimensions; d++)
                    weights[c][d] -= rate * (gradients.Sum(g => g[c][d]) / examples.Count + l2 * weights[c][d]);
        }
        return new SoftmaxClassifier(labels, weights);
    }

    /// <summary>The probability of each label for the vector.</summary>
    public Dictionary<string, float> Predict(float[] vector)
    {
        var probabilities = new float[labels.Length];
        Probabilities(weights, vector, probabilities);
        return labels.Select((label, c) => (label, probabilities[c])).ToDictionary(p => p.label, p => p.Item2);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(labels.Length);
        foreach (var (label, row) in labels.Zip(weights))
        {
            writer.Write(label);
            writer.Write(row.Length);
            foreach (var value in row)
                writer.Write(value);
        }
        writer.Flush();
    }

    public static SoftmaxClassifier Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var (labels, weights) = (new string[count], new float[count][]);
        for (var c = 0; c < count; c++)
        {
            labels[c] = reader.ReadString();
            weights[c] = new float[reader.ReadInt32()];
            for (var d = 0; d < weights[c].Length; d++)
                weights[c][d] = reader.ReadSingle();
        }
        return new SoftmaxClassifier(labels, weights);
    }

    private static void Probabilities(float[][] weights, float[] vector, float[] probabilities)
    {
        var max = float.MinValue;
        for (var c = 0; c < weights.Length; c++)
            max = Math.Max(max, probabilities[c] = VectorMath.Dot(weights[c], vector) + weights[c][vector.Length]);
        var sum = 0f;
        for (var c = 0; c < weights.Length; c++)
            sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (var c = 0; c < weights.Length; c++)
            probabilities[c] /= sum;
    }

    private static void Accumulate(float[] gradient, float[] vector, float scale)
    {
        var (factor, i) = (new Vector<float>(scale), 0);
        for (; i <= vector.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(gradient, i) + new Vector<float>(vector, i) * factor).CopyTo(gradient, i);
        for (; i < vector.Length; i++)
            gradient[i] += vector[i] * scale;
        gradient[vector.Length] += scale;
    }
}
