using System.Globalization;
using SalesCoachBot.Deals;
using SalesCoachBot.Forecast;
using ScottPlot;
using SkiaSharp;

namespace SalesCoachBot.Charts;

/// <summary>The manager's chart as a PNG: the pipeline by stage stacked by rep, beside the forecast by month.</summary>
public static class ManagerChartImage
{
    public const int Width = 1200;
    public const int Height = 500;

    public static byte[] Render(ManagerChart chart)
    {
        ChartFont.Install();
        var pipeline = PipelinePlot(chart).GetImage(Width / 2, Height).GetImageBytes(ImageFormat.Png);
        var forecast = ForecastPlot(chart).GetImage(Width / 2, Height).GetImageBytes(ImageFormat.Png);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        using (var left = SKBitmap.Decode(pipeline))
            surface.Canvas.DrawBitmap(left, 0, 0);
        using (var right = SKBitmap.Decode(forecast))
            surface.Canvas.DrawBitmap(right, Width / 2, 0);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static Plot PipelinePlot(ManagerChart chart)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bases = new decimal[chart.Stages.Count];
        for (var r = 0; r < chart.Reps.Count; r++)
        {
            var color = palette.GetColor(r);
            var bars = new List<Bar>();
            for (var s = 0; s < chart.Stages.Count; s++)
            {
                var amount = chart.Reps[r].Amounts[s];
                if (amount > 0)
                    bars.Add(new Bar { Position = s, ValueBase = (double)bases[s], Value = (double)(bases[s] + amount), FillColor = color, LineWidth = 0 });
                bases[s] += amount;
            }
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Reps[r].Rep, FillColor = color });
        }
        Ticks(plot, [.. chart.Stages.Select(s => s.DisplayName().Replace(' ', '\n'))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        Finish(plot, $"Open pipeline by stage ({chart.Currency})", chart);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot ForecastPlot(ManagerChart chart)
    {
        var plot = new Plot();
        var pipeline = new List<Bar>();
        var weighted = new List<Bar>();
        for (var m = 0; m < chart.Months.Count; m++)
        {
            pipeline.Add(new Bar { Position = m - 0.2, Value = (double)chart.Months[m].Pipeline, Size = 0.4, FillColor = Colors.SteelBlue, LineWidth = 0 });
            weighted.Add(new Bar { Position = m + 0.2, Value = (double)chart.Months[m].Weighted, Size = 0.4, FillColor = Colors.Orange, LineWidth = 0 });
        }
        plot.Add.Bars(pipeline);
        plot.Add.Bars(weighted);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Pipeline", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Weighted", FillColor = Colors.Orange });
        Ticks(plot, [.. chart.Months.Select(m => ForecastText.MonthName(m.Month))]);
        Finish(plot, $"Forecast by close month ({chart.Currency})", chart);
        return plot;
    }

    private static void Ticks(Plot plot, string[] labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Length; i++)
            ticks.AddMajor(i, labels[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Amount };
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Axes.SetLimitsX(-0.5, labels.Length - 0.5);
    }

    private static void Finish(Plot plot, string title, ManagerChart chart)
    {
        plot.Font.Set(ChartFont.Name);
        plot.Title(chart.OtherCurrencies.Count == 0 ? title : $"{title}; {string.Join(", ", chart.OtherCurrencies)} not shown");
        plot.Axes.Title.Label.FontSize = 16;
        plot.ShowLegend(Alignment.UpperRight);
    }

    // "$45k", "$1.2M": short, in the chart's currency.
    private static string Amount(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
