using SalesCoachBot.Deals;

namespace SalesCoachBot.Crm;

/// <summary>
/// Between the CRM's pipeline stages and the seven stages with Won and Lost. Each CRM's default pipeline has a
/// default mapping; <c>Crm:Stages</c> (CRM stage id → stage) overrides it. Pushing a stage takes the first CRM
/// stage mapped to it. A CRM stage known to neither is read from the pipeline itself: closed and won, closed,
/// else by its place among the open stages.
/// </summary>
public sealed class CrmStageMap
{
    public static readonly IReadOnlyList<(string CrmStage, DealStage Stage)> HubSpotDefaults =
    [
        ("appointmentscheduled", DealStage.InitialContact),
        ("appointmentscheduled", DealStage.Prospecting),
        ("qualifiedtobuy", DealStage.Discovery),
        ("presentationscheduled", DealStage.Proposal),
        ("decisionmakerboughtin", DealStage.Negotiation),
        ("contractsent", DealStage.Closing),
        ("closedwon", DealStage.Won),
        ("closedwon", DealStage.FollowUp), // HubSpot has no follow-up stage: a deal in follow-up is won there
        ("closedlost", DealStage.Lost),
    ];

    public static readonly IReadOnlyList<(string CrmStage, DealStage Stage)> SalesforceDefaults =
    [
        ("Prospecting", DealStage.Prospecting),
        ("Qualification", DealStage.InitialContact),
        ("Needs Analysis", DealStage.Discovery),
        ("Value Proposition", DealStage.Discovery),
        ("Id. Decision Makers", DealStage.Proposal),
        ("Perception Analysis", DealStage.Proposal),
        ("Proposal/Price Quote", DealStage.Proposal),
        ("Negotiation/Review", DealStage.Negotiation),
        ("Negotiation/Review", DealStage.Closing),
        ("Closed Won", DealStage.Won),
        ("Closed Won", DealStage.FollowUp),
        ("Closed Lost", DealStage.Lost),
    ];

    private static readonly DealStage[] OpenStages = [DealStage.Prospecting, DealStage.InitialContact, DealStage.Discovery, DealStage.Proposal, DealStage.Negotiation, DealStage.Closing];
    private readonly Dictionary<string, DealStage> pull = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<DealStage, string> push = [];

    /// <param name="defaults">Pairs in order: a CRM stage's first pair says what it reads as; a stage's first pair says where it is written.</param>
    /// <param name="overrides">CRM stage id → stage, before the defaults in both directions.</param>
    public CrmStageMap(IEnumerable<(string CrmStage, DealStage Stage)> defaults, IReadOnlyDictionary<string, DealStage>? overrides = null)
    {
        foreach (var (crmStage, stage) in (overrides ?? new Dictionary<string, DealStage>()).Select(p => (p.Key, p.Value)).Concat(defaults))
        {
            pull.TryAdd(crmStage, stage);
            push.TryAdd(stage, crmStage);
        }
    }

    /// <summary>The stage a CRM stage reads as; <paramref name="pipeline"/> decides for one the mapping does not name.</summary>
    public DealStage FromCrm(string? crmStage, IReadOnlyList<CrmStage> pipeline)
    {
        if (crmStage is not null && pull.TryGetValue(crmStage, out var stage))
            return stage;
        if (pipeline.FirstOrDefault(s => string.Equals(s.Id, crmStage, StringComparison.OrdinalIgnoreCase)) is not { } known)
            return DealStage.Prospecting;
        if (known.IsClosed)
            return known.IsWon ? DealStage.Won : DealStage.Lost;
        var open = pipeline.Where(s => !s.IsClosed).OrderBy(s => s.Order).ToList();
        var place = open.FindIndex(s => s.Id == known.Id);
        return OpenStages[Math.Clamp(place * OpenStages.Length / Math.Max(1, open.Count), 0, OpenStages.Length - 1)];
    }

    /// <summary>The CRM stage a stage is written as; with a <paramref name="pipeline"/>, one of its stages that reads back as it, if the mapping's is not there.</summary>
    public string ToCrm(DealStage stage, IReadOnlyList<CrmStage> pipeline)
    {
        var mapped = push.GetValueOrDefault(stage);
        if (mapped is not null && (pipeline.Count == 0 || pipeline.Any(s => string.Equals(s.Id, mapped, StringComparison.OrdinalIgnoreCase))))
            return mapped;
        return pipeline.FirstOrDefault(s => FromCrm(s.Id, pipeline) == stage)?.Id ?? mapped ?? pipeline.FirstOrDefault()?.Id ?? stage.ToString();
    }
}
