using System.Numerics;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// Multinomial logistic regression on sentence vectors and word features: one weight vector per label (and one
/// weight per word slot), trained by full-batch gradient descent with classes weighted by their size, so a label
/// with many examples does not win by number. Labels can come in groups (the objection categories, which together
/// are one intent): a group weighs as one label times its number of labels to the power <c>groupPower</c>, shared
/// equally among its labels. Examples may come in parts (the languages): each part is balanced on its own and weighs as
/// much as it would alone, so adding a part leaves what the others teach as it was.
/// </summary>
public sealed class SoftmaxClassifier
{
    /// <summary>Word weights are held back harder than vector weights: a word seen in two examples must not decide.</summary>
    private const float WordL2 = 1e-4f;

    /// <summary>
    /// In each training pass an example keeps each of its words with this chance, so the classifier also learns to
    /// read sentences whose words it never saw ("asdf qwer", an unusual deal name) from their meaning alone.
    /// </summary>
    private const float KeepWord = 0.5f;

    private readonly string[] labels;
    private readonly float[][] weights;
    /// <summary>Slot-major: the weights of one word slot for every label lie together.</summary>
    private readonly float[] wordWeights;

    private SoftmaxClassifier(string[] labels, float[][] weights, float[] wordWeights) =>
        (this.labels, this.weights, this.wordWeights) = (labels, weights, wordWeights);

    public IReadOnlyList<string> Labels => labels;

    public static SoftmaxClassifier Train(IReadOnlyList<(string Label, float[] Vector, WordFeature[] Words)> examples, int epochs = 400, float rate = 30f,
        float l2 = 1e-5f, Func<string, string>? groupOf = null, float groupPower = 0f, IReadOnlyList<int>? parts = null)
    {
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var (count, dimensions) = (labels.Length, examples[0].Vector.Length);
        var target = examples.Select(e => Array.IndexOf(labels, e.Label)).ToArray();
        groupOf ??= label => label;
        var groups = labels.Select(groupOf).ToArray();
        var groupCount = groups.Distinct().Count();
        var partOf = parts ?? new int[examples.Count];
        var balance = Enumerable.Range(0, partOf.Max() + 1).Select(p => labels.Select((_, c) =>
        {
            var siblings = groups.Count(g => g == groups[c]);
            var count = Enumerable.Range(0, examples.Count).Count(i => target[i] == c && partOf[i] == p);
            return count == 0 ? 0f : (float)examples.Count / (groupCount * siblings * count) * MathF.Pow(siblings, groupPower);
        }).ToArray()).ToArray();
        var weights = labels.Select(_ => new float[dimensions + 1]).ToArray();
        var wordWeights = new float[WordFeatures.Slots * count];
        var usedSlots = examples.SelectMany(e => e.Words.Select(w => w.Slot)).Distinct().Order().ToArray();
        var partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var gradients = Enumerable.Range(0, partitions).Select(_ => labels.Select(_ => new float[dimensions + 1]).ToArray()).ToArray();
        var wordGradients = Enumerable.Range(0, partitions).Select(_ => new float[WordFeatures.Slots * count]).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Parallel.For(0, partitions, part =>
            {
                var (gradient, wordGradient) = (gradients[part], wordGradients[part]);
                foreach (var row in gradient)
                    Array.Clear(row);
                Array.Clear(wordGradient);
                var (probabilities, scales) = (new float[count], new float[count]);
                for (var i = part; i < examples.Count; i += partitions)
                {
                    var (_, vector, allWords) = examples[i];
                    var words = KeptWords(allWords, epoch, i);
                    Probabilities(weights, wordWeights, vector, words, probabilities);
                    for (var c = 0; c < count; c++)
                        Accumulate(gradient[c], vector, scales[c] = (probabilities[c] - (c == target[i] ? 1 : 0)) * balance[partOf[i]][target[i]]);
                    foreach (var word in words)
                        for (int c = 0, at = word.Slot * count; c < count; c++, at++)
                            wordGradient[at] += word.Value * scales[c];
                }
            });
            for (var c = 0; c < count; c++)
                for (var d = 0; d <= dimensions; d++)
                    weights[c][d] -= rate * (Sum(gradients, c, d) / examples.Count + l2 * weights[c][d]);
            foreach (var slot in usedSlots)
                for (int c = 0, at = slot * count; c < count; c++, at++)
                {
                    var gradient = 0f;
                    foreach (var partition in wordGradients)
                        gradient += partition[at];
                    wordWeights[at] -= rate * (gradient / examples.Count + WordL2 * wordWeights[at]);
                }
        }
        return new SoftmaxClassifier(labels, weights, wordWeights);
    }

    /// <summary>The probability of each label for the vector and words.</summary>
    public Dictionary<string, float> Predict(float[] vector, WordFeature[] words)
    {
        var probabilities = new float[labels.Length];
        Probabilities(weights, wordWeights, vector, words, probabilities);
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
        var used = Enumerable.Range(0, WordFeatures.Slots).Where(slot => wordWeights.AsSpan(slot * labels.Length, labels.Length).ContainsAnyExcept(0f)).ToList();
        writer.Write(used.Count);
        foreach (var slot in used)
        {
            writer.Write(slot);
            foreach (var value in wordWeights.AsSpan(slot * labels.Length, labels.Length))
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
        var wordWeights = new float[WordFeatures.Slots * count];
        for (var used = reader.ReadInt32(); used > 0; used--)
        {
            var at = reader.ReadInt32() * count;
            for (var c = 0; c < count; c++)
                wordWeights[at + c] = reader.ReadSingle();
        }
        return new SoftmaxClassifier(labels, weights, wordWeights);
    }

    private static void Probabilities(float[][] weights, float[] wordWeights, float[] vector, WordFeature[] words, float[] probabilities)
    {
        var count = weights.Length;
        for (var c = 0; c < count; c++)
            probabilities[c] = VectorMath.Dot(weights[c], vector) + weights[c][vector.Length];
        foreach (var word in words)
            for (int c = 0, at = word.Slot * count; c < count; c++, at++)
                probabilities[c] += wordWeights[at] * word.Value;
        var max = float.MinValue;
        for (var c = 0; c < count; c++)
            max = Math.Max(max, probabilities[c]);
        var sum = 0f;
        for (var c = 0; c < count; c++)
            sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (var c = 0; c < count; c++)
            probabilities[c] /= sum;
    }

    // The same words are kept on every machine, whatever its number of cores; kept words weigh more for the dropped.
    private static WordFeature[] KeptWords(WordFeature[] words, int epoch, int example)
    {
        var kept = new List<WordFeature>(words.Length);
        foreach (var word in words)
        {
            var mixed = (ulong)(uint)epoch << 40 ^ (ulong)(uint)example << 16 ^ (uint)word.Slot;
            mixed = (mixed ^ mixed >> 31) * 0x9E3779B97F4A7C15UL;
            if ((mixed >> 40) / (float)(1 << 24) < KeepWord)
                kept.Add(word with { Value = word.Value / KeepWord });
        }
        return [.. kept];
    }

    private static float Sum(float[][][] partitions, int label, int index)
    {
        var sum = 0f;
        foreach (var partition in partitions)
            sum += partition[label][index];
        return sum;
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
