using SalesCoachBot.Deals;

namespace SalesCoachBot.Objections;

/// <summary>One kind of objection and how to handle it, from <c>dialogs/objections.yaml</c>.</summary>
public sealed record ObjectionCategory(
    string Id,
    string Name,
    IReadOnlyList<string> Examples,
    string Acknowledge,
    IReadOnlyList<string> Clarify,
    IReadOnlyList<string> Respond,
    string Confirm,
    IReadOnlyDictionary<DealStage, string> ByStage);
