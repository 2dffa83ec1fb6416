using System.Numerics;

namespace SalesCoachBot.Understanding.Learning;

internal static class VectorMath
{
    /// <summary>The dot product of the first <paramref name="b"/>.Length values of <paramref name="a"/> with <paramref name="b"/>.</summary>
    public static float Dot(float[] a, float[] b)
    {
        var (sum, i) = (Vector<float>.Zero, 0);
        for (; i <= b.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        var total = Vector.Sum(sum);
        for (; i < b.Length; i++)
            total += a[i] * b[i];
        return total;
    }
}
