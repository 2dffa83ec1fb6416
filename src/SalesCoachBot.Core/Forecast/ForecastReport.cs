using System.Text.Json.Serialization;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Forecast;

/// <summary>
/// Open deals by expected close month. Every amount is kept per currency (ISO code → amount): amounts in different
/// currencies are never added together.
/// </summary>
public sealed record ForecastReport(
    string Label,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ForecastMonth> Months,
    ForecastBucket Undated,
    ForecastBucket Outside,
    IReadOnlyList<StageOdds> Probabilities)
{
    [JsonIgnore]
    public IEnumerable<string> Currencies => Months.SelectMany(m => m.Pipeline.Keys).Distinct().Order();
}

/// <summary>
/// One month: its deals, their amounts (<see cref="Pipeline"/>), each times the chance of its stage (<see cref="Weighted"/>),
/// and those in Negotiation or Closing (<see cref="Commit"/>). <see cref="WithoutAmount"/> deals count in <see cref="Deals"/> only.
/// </summary>
public sealed record ForecastMonth(
    string Month,
    int Deals,
    IReadOnlyDictionary<string, decimal> Pipeline,
    IReadOnlyDictionary<string, decimal> Weighted,
    IReadOnlyDictionary<string, decimal> Commit,
    int CommitDeals,
    int WithoutAmount)
{
    /// <summary>How many of the month's deals are in each currency.</summary>
    public IReadOnlyDictionary<string, int> DealsIn { get; init; } = new Dictionary<string, int>();
}

/// <summary>Deals the months do not hold: their count, amounts and, for the undated, why.</summary>
public sealed record ForecastBucket(int Deals, IReadOnlyDictionary<string, decimal> Pipeline, int NoCloseDate = 0, int PastCloseDate = 0);

/// <summary>The stages whose deals are the forecast's commit.</summary>
public static class CommitStages
{
    public static bool Contains(DealStage stage) => stage is DealStage.Negotiation or DealStage.Closing;
}
