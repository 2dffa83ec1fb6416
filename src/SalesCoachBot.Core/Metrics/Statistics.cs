namespace SalesCoachBot.Metrics;

public static class Statistics
{
    /// <summary>The median (mean of the two middle values for an even count); null for no values.</summary>
    public static double? Median(List<double> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public static decimal? Median(List<decimal> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The p-th percentile (0–100) by linear interpolation between closest ranks; null for no values.</summary>
    public static double? Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var rank = p / 100 * (values.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return values[low] + (values[high] - values[low]) * (rank - low);
    }
}
