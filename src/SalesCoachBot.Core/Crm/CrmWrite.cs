namespace SalesCoachBot.Crm;

/// <summary>
/// A change a rep made by chat, waiting to be written to the CRM: the deal's <see cref="Fields"/> (their values are
/// read when it is written, so the latest wins), or a logged activity. Written in the same save as the change,
/// sent by one host under a lease, one deal's writes in order.
/// </summary>
public sealed class CrmWrite
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deals.Deal? Deal { get; set; }
    public long RepId { get; set; }

    /// <summary>The deal fields changed (<see cref="CrmDealValues.FieldsText"/>); empty for an activity.</summary>
    public string Fields { get; set; } = "";
    public long? InteractionId { get; set; }
    public Interactions.Interaction? Interaction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
    public string? LeasedBy { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
}
