using SalesCoachBot.Deals;

namespace SalesCoachBot.Content;

/// <summary>The sales content the bot speaks, loaded from <c>dialogs/</c> and validated at start-up.</summary>
public sealed class SalesContent(IReadOnlyDictionary<DealStage, StageGuide> stages)
{
    public StageGuide For(DealStage stage) => stages[stage];

    public bool TryGet(DealStage stage, out StageGuide guide) => stages.TryGetValue(stage, out guide!);
}
