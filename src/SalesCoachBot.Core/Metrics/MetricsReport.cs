using SalesCoachBot.Deals;

namespace SalesCoachBot.Metrics;

/// <summary>The numbers for a group of reps over a date range. Null means "not enough data", never 0.</summary>
public sealed record MetricsReport(
    string Label,
    DateOnly From,
    DateOnly To,
    int Won,
    int Lost,
    double? WinRate,
    double? MeanDaysToClose,
    double? MedianDaysToClose,
    int OpenDeals,
    int StalledDeals,
    IReadOnlyList<CurrencyFigures> Currencies,
    IReadOnlyList<StageFigures> Stages,
    IReadOnlyList<Nudges.StallThreshold> StallThresholds);

/// <summary>Money figures in one currency; amounts in different currencies are never added together.</summary>
public sealed record CurrencyFigures(
    string Currency,
    int WonDeals,
    decimal? AverageDealSize,
    decimal? MedianDealSize,
    int OpenDeals,
    decimal OpenAmount,
    decimal AtRisk,
    decimal? VelocityPerDay);

/// <summary>How deals fare in one stage: how many entered it in the range, how many moved on, and how long they stayed.</summary>
public sealed record StageFigures(DealStage Stage, int Entered, int MovedOn, double? Conversion, double? MedianDaysInStage, int OpenDeals)
{
    /// <summary>The open amount in this stage, per currency.</summary>
    public IReadOnlyDictionary<string, decimal> OpenAmount { get; init; } = new Dictionary<string, decimal>();
}
