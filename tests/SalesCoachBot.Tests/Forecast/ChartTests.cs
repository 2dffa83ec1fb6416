using SalesCoachBot.Charts;
using SalesCoachBot.Deals;
using SalesCoachBot.Forecast;
using SkiaSharp;

namespace SalesCoachBot.Tests.Forecast;

/// <summary>The chart renders with the font the bot ships, on a machine with no fonts of its own to lend.</summary>
public sealed class ChartTests
{
    public static readonly ManagerChart Sample = new("Forecast, team of Carol", "USD", [.. Enum.GetValues<DealStage>().Where(s => !s.IsClosed())],
        [
            new RepStages("Alice", [10_000, 20_000, 0, 45_000, 30_000, 0, 0]),
            new RepStages("Bob", [5_000, 0, 25_000, 15_000, 60_000, 12_000, 0]),
        ],
        [new MonthFigures("2026-03", 90_000, 48_000), new MonthFigures("2026-04", 60_000, 21_000), new MonthFigures("2026-05", 20_000, 4_000)],
        ["EUR"]);

    [Fact]
    public void ThePngDecodesAndCarriesText()
    {
        using var image = SKBitmap.Decode(ManagerChartImage.Render(Sample));

        Assert.Equal((ManagerChartImage.Width, ManagerChartImage.Height), (image.Width, image.Height));
        // Each half's title is text in the top band: with no glyphs the band would be blank.
        Assert.True(DarkPixels(image, new SKRectI(0, 0, 600, 40)) > 300, "no title text on the pipeline chart");
        Assert.True(DarkPixels(image, new SKRectI(600, 0, 1200, 40)) > 300, "no title text on the forecast chart");
    }

    [Fact]
    public void TheRepsNamesAreWrittenOnIt()
    {
        var renamed = Sample with { Reps = [Sample.Reps[0] with { Rep = "Wilhelmina Zimmermann" }, Sample.Reps[1]] };

        using var before = SKBitmap.Decode(ManagerChartImage.Render(Sample));
        using var after = SKBitmap.Decode(ManagerChartImage.Render(renamed));

        var differing = 0;
        for (var y = 0; y < before.Height; y++)
            for (var x = 0; x < 600; x++)
                differing += before.GetPixel(x, y) != after.GetPixel(x, y) ? 1 : 0;
        Assert.True(differing > 100, "the legend did not change with the rep's name");
    }

    private static int DarkPixels(SKBitmap image, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
            for (var x = area.Left; x < area.Right; x++)
                count += image.GetPixel(x, y) is { Red: < 100, Green: < 100, Blue: < 100 } ? 1 : 0;
        return count;
    }
}
