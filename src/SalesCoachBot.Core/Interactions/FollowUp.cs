namespace SalesCoachBot.Interactions;

/// <summary>A next step a rep mentioned with a date ("demo next Tuesday"); the scheduler reminds them of it.</summary>
public sealed class FollowUp
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deals.Deal? Deal { get; set; }
    public long RepId { get; set; }
    public long? InteractionId { get; set; }
    public required string Note { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>The moment it is due when the rep named a time ("3pm"), else null.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
}
