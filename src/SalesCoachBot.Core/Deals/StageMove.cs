namespace SalesCoachBot.Deals;

/// <summary>What a move changed, kept in the rep's conversation state so "undo" can put it back.</summary>
public sealed record StageMove(
    long DealId,
    long StageChangeId,
    DealStage From,
    DealStage To,
    DateTimeOffset PreviousLastActivityAt,
    DateTimeOffset? PreviousClosedAt)
{
    public string? PreviousCloseReason { get; init; }
}
