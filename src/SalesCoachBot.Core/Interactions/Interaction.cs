namespace SalesCoachBot.Interactions;

/// <summary>A touch point with the customer on a deal: a call, an e-mail, a meeting, a demo or a note.</summary>
public sealed class Interaction
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deals.Deal? Deal { get; set; }
    public long RepId { get; set; }
    public InteractionKind Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? NextStep { get; set; }
}
