using SalesCoachBot.Deals;
using SalesCoachBot.Objections;

namespace SalesCoachBot.Content;

/// <summary>The sales content the bot speaks, loaded from <c>dialogs/</c> and validated at start-up.</summary>
public sealed class SalesContent(IReadOnlyDictionary<DealStage, StageGuide> stages, ObjectionPlaybook playbook, Phrasing phrasing, UnderstandingContent understanding)
{
    public ObjectionPlaybook Playbook { get; } = playbook;
    public Phrasing Phrasing { get; } = phrasing;
    public UnderstandingContent Understanding { get; } = understanding;

    public StageGuide For(DealStage stage) => stages[stage];

    /// <summary>Check-ins on a won deal after the sale, earliest first.</summary>
    public IReadOnlyList<AfterSaleStep> AfterSale { get; init; } = [];

    public bool TryGet(DealStage stage, out StageGuide guide) => stages.TryGetValue(stage, out guide!);
}
