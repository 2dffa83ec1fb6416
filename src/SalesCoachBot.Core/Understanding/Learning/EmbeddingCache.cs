using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>
/// Keeps the vectors of the example sentences on disk, keyed by the model and the sentences
/// themselves, so a restart with unchanged content does not embed every example again.
/// </summary>
public sealed class EmbeddingCache(ISentenceEmbedder embedder, string? directory)
{
    /// <summary>The user's local application data, where nothing else of the bot's lives.</summary>
    public static string DefaultDirectory { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SalesCoachBot", "embeddings");

    // Hosts in one process (and test runs) share the vectors of the same sentences.
    private static readonly ConcurrentDictionary<string, Lazy<float[][]>> InProcess = new();

    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        if (sentences.Count == 0)
            return [];
        var key = Key(sentences);
        return InProcess.GetOrAdd(key, _ => new Lazy<float[][]>(() => Load(key, sentences))).Value;
    }

    /// <summary>A classifier trained on these examples before (in this process or on this disk), else trained now.</summary>
    public SoftmaxClassifier Classifier(IReadOnlyList<(string Label, string Text)> examples, string features, Func<SoftmaxClassifier> train)
    {
        var key = "classifier-" + Key([features, .. examples.Select(e => e.Label + "\t" + e.Text)]);
        return Classifiers.GetOrAdd(key, _ => new Lazy<SoftmaxClassifier>(() =>
        {
            var path = directory is null ? null : Path.Combine(directory, key + ".bin");
            try
            {
                if (path is not null && File.Exists(path))
                {
                    using var reader = new BinaryReader(File.OpenRead(path));
                    return SoftmaxClassifier.Read(reader);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
            {
            }
            var trained = train();
            if (path is not null)
                TryWrite(path, stream => trained.Write(new BinaryWriter(stream)));
            return trained;
        })).Value;
    }

    private static readonly ConcurrentDictionary<string, Lazy<SoftmaxClassifier>> Classifiers = new();

    private float[][] Load(string key, IReadOnlyList<string> sentences)
    {
        var path = directory is null ? null : Path.Combine(directory, $"examples-{key}.bin");
        if (path is not null && TryRead(path, sentences.Count) is { } cached)
            return cached;
        var vectors = embedder.Embed(sentences);
        if (path is not null)
            TryWrite(path, stream =>
            {
                var writer = new BinaryWriter(stream);
                writer.Write(vectors.Length);
                writer.Write(vectors[0].Length);
                foreach (var vector in vectors)
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
                writer.Flush();
            });
        return vectors;
    }

    private string Key(IReadOnlyList<string> sentences)
    {
        var text = embedder.ModelId + "\n" + string.Join("\n", sentences);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    private static float[][]? TryRead(string path, int count)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var (rows, dimensions) = (reader.ReadInt32(), reader.ReadInt32());
            if (rows != count)
                return null;
            var vectors = new float[rows][];
            for (var i = 0; i < rows; i++)
            {
                vectors[i] = new float[dimensions];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            }
            return vectors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    // A cache that cannot be written (read-only disk) only costs the next start-up some time.
    private static void TryWrite(string path, Action<Stream> write)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = File.Create(temporary))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
