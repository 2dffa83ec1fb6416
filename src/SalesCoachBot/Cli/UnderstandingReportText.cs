using System.Globalization;
using System.Text;
using SalesCoachBot.Understanding.Evaluation;

namespace SalesCoachBot.Cli;

/// <summary>An understanding report as text: totals, a line per label, the confusions, then every miss.</summary>
public static class UnderstandingReportText
{
    public static string Write(UnderstandingReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Total} messages: {Percent(report.Accuracy)} right (intent {Percent(report.IntentAccuracy)}, objection category {Percent(report.ObjectionCategoryAccuracy)} of {report.Objections.Count}, details {Percent(report.DetailAccuracy)})");
        text.AppendLine().AppendLine("per language:");
        foreach (var (language, part) in report.PerLanguage)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {language,-12} {part.Total,4} messages: {Percent(part.Accuracy)} right (intent {Percent(part.IntentAccuracy)}, objection category {Percent(part.ObjectionCategoryAccuracy)} of {part.Objections.Count}, details {Percent(part.DetailAccuracy)})");
        text.AppendLine().AppendLine("per label:");
        foreach (var (label, right, total) in report.PerLabel)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-26} {right,4}/{total,-4} {Percent((double)right / total),5}");
        if (report.Confusions.Count > 0)
        {
            text.AppendLine().AppendLine("confusions (expected → got):");
            foreach (var (expected, got, count) in report.Confusions)
                text.AppendLine(CultureInfo.InvariantCulture, $"  {count,3}  {expected} → {got}");
        }
        var modelRead = report.Scored.Where(s => s.Best is not null).ToList();
        if (modelRead.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"model calibration ({modelRead.Count} messages read by the model; nearest intent's score, lead over the next):");
            foreach (var floor in new[] { 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f })
                foreach (var lead in new[] { 0f, 0.02f, 0.04f, 0.06f })
                {
                    var acted = modelRead.Where(s => s.Best!.Value.Score >= floor && s.Lead >= lead).ToList();
                    var right = acted.Count(s => s.Best!.Value.Label == IntentLabels.IntentOf(s.Message.Label));
                    text.AppendLine(CultureInfo.InvariantCulture, $"  score ≥ {floor:0.00}, lead ≥ {lead:0.00}: acts on {Percent((double)acted.Count / modelRead.Count)}, nearest intent right on {Percent(acted.Count == 0 ? 1 : (double)right / acted.Count)} of those");
                }
        }
        if (report.Misses.Count > 0)
        {
            text.AppendLine().AppendLine("misses:");
            foreach (var miss in report.Misses)
                text.AppendLine(CultureInfo.InvariantCulture, $"  line {miss.Message.Line}: {miss.Message.Label} → {miss.Got}{(miss.Best is { } best ? $" ({best.Label} {best.Score:0.00}, lead {miss.Lead:0.00})" : "")}{(miss.WrongDetails.Count > 0 ? " [" + string.Join("; ", miss.WrongDetails) + "]" : "")}  “{miss.Message.Text}”");
        }
        return text.ToString();
    }

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
