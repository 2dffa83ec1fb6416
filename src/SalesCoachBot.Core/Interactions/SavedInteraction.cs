namespace SalesCoachBot.Interactions;

/// <summary>A deleted interaction as it was, for undo to put back under the same id.</summary>
public sealed record SavedInteraction(long Id, long DealId, long RepId, InteractionKind Kind, DateTimeOffset OccurredAt, string Summary,
    DateTimeOffset RecordedAt, string? NextStep)
{
    public static SavedInteraction Of(Interaction i) => new(i.Id, i.DealId, i.RepId, i.Kind, i.OccurredAt, i.Summary, i.RecordedAt, i.NextStep);

    public Interaction Restore() => new()
    {
        Id = Id, DealId = DealId, RepId = RepId, Kind = Kind, OccurredAt = OccurredAt, Summary = Summary, RecordedAt = RecordedAt, NextStep = NextStep,
    };
}
