namespace SalesCoachBot.Understanding.Learning;

/// <summary>Turns sentences into unit-length vectors whose dot product is their similarity.</summary>
public interface ISentenceEmbedder
{
    /// <summary>Names the model, so vectors cached from another model are never mixed in.</summary>
    string ModelId { get; }

    float[][] Embed(IReadOnlyList<string> sentences);
}
