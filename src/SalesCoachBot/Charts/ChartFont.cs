using ScottPlot;
using SkiaSharp;

namespace SalesCoachBot.Charts;

/// <summary>
/// The chart's one font, Noto Sans (SIL Open Font License), read from this assembly: text renders the same on a
/// machine or container with no fonts installed.
/// </summary>
internal sealed class ChartFont : IFontResolver
{
    public const string Name = "Noto Sans";

    private static readonly Lazy<SKData> Data = new(() =>
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream("SalesCoachBot.Charts.NotoSans-Regular.ttf")!;
        return SKData.Create(stream);
    });

    private static readonly Lazy<bool> Installed = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new ChartFont());
        Fonts.Default = Name;
        return true;
    });

    /// <summary>Makes the font ScottPlot's default, once per process.</summary>
    public static void Install() => _ = Installed.Value;

    // Every family asked for is this one: a system font, where there is one, would make the chart differ between machines.
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => SKTypeface.FromData(Data.Value);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => SKTypeface.FromData(Data.Value);
}
