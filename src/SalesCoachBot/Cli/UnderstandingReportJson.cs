using SalesCoachBot.Languages;
using SalesCoachBot.Understanding.Evaluation;

namespace SalesCoachBot.Cli;

/// <summary>The stable JSON shape of <c>understanding eval --json</c>.</summary>
public sealed record UnderstandingReportJson(
    int Total, double Accuracy, double IntentAccuracy, double ObjectionCategoryAccuracy, double DetailAccuracy,
    IReadOnlyList<UnderstandingReportJson.Label> Labels, IReadOnlyList<UnderstandingReportJson.Confusion> Confusions,
    IReadOnlyList<UnderstandingReportJson.Miss> Misses)
{
    /// <summary>The totals for the messages of each language (<c>en</c>, <c>id</c>).</summary>
    public IReadOnlyList<LanguageTotals> Languages { get; init; } = [];

    public sealed record LanguageTotals(string Language, int Total, double Accuracy, double IntentAccuracy, double ObjectionCategoryAccuracy, double DetailAccuracy);

    public sealed record Label(string Name, int Right, int Total);

    public sealed record Confusion(string Expected, string Got, int Count);

    public sealed record Miss(int Line, string Expected, string Got, string Text, IReadOnlyList<string> WrongDetails);

    public static UnderstandingReportJson From(UnderstandingReport report) => new(
        report.Total, report.Accuracy, report.IntentAccuracy, report.ObjectionCategoryAccuracy, report.DetailAccuracy,
        [.. report.PerLabel.Select(l => new Label(l.Label, l.Right, l.Total))],
        [.. report.Confusions.Select(c => new Confusion(c.Expected, c.Got, c.Count))],
        [.. report.Misses.Select(m => new Miss(m.Message.Line, m.Message.Label, m.Got, m.Message.Text, m.WrongDetails))])
    {
        Languages = [.. report.PerLanguage.Select(l => new LanguageTotals(l.Language.Code(), l.Report.Total, l.Report.Accuracy, l.Report.IntentAccuracy,
            l.Report.ObjectionCategoryAccuracy, l.Report.DetailAccuracy))],
    };
}
