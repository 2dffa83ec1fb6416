namespace SalesCoachBot.Deals;

/// <summary>How a name a rep typed matched their deals: one, several, or none.</summary>
public abstract record DealMatch
{
    public sealed record One(Deal Deal) : DealMatch;

    public sealed record Several(IReadOnlyList<Deal> Deals) : DealMatch;

    public sealed record None : DealMatch;
}
