using System.Globalization;
using System.Text.Json.Serialization;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Forecast;

/// <summary>The chance a deal at a stage is won, and where that number came from.</summary>
public sealed record StageOdds(DealStage Stage, double Chance, bool Learned, int ClosedDeals)
{
    /// <summary>"learned from 212 closed deals", or "default" (dialogs/stages.yaml).</summary>
    public string Source => Learned ? $"learned from {ClosedDeals} closed deals" : "default";

    [JsonIgnore]
    public string Percent => (Chance * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
