namespace SalesCoachBot.Interactions;

/// <summary>A follow-up as it was, for undo to put back under the same id, so it stays the same reminder.</summary>
public sealed record SavedStep(long Id, long DealId, long RepId, long? InteractionId, string Note, DateOnly DueOn, DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt, DateTimeOffset? RemindedAt)
{
    public static SavedStep Of(FollowUp f) => new(f.Id, f.DealId, f.RepId, f.InteractionId, f.Note, f.DueOn, f.DueAt, f.CreatedAt, f.RemindedAt);

    public FollowUp Restore() => new()
    {
        Id = Id, DealId = DealId, RepId = RepId, InteractionId = InteractionId, Note = Note, DueOn = DueOn, DueAt = DueAt, CreatedAt = CreatedAt, RemindedAt = RemindedAt,
    };
}
