namespace SalesCoachBot.Crm;

/// <summary>A deal here and its record in the CRM, with the shared fields as last read from (or written to) it.</summary>
public sealed class CrmLink
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deals.Deal? Deal { get; set; }
    public required string Provider { get; set; }
    public required string CrmId { get; set; }

    /// <summary><see cref="CrmDealValues"/> as the CRM had them after the last pull or push: a field that differs now was changed there.</summary>
    public required string ValuesJson { get; set; }
    public DateTimeOffset SyncedAt { get; set; }

    public CrmDealValues Values
    {
        get => CrmDealValues.FromJson(ValuesJson);
        set => ValuesJson = value.ToJson();
    }
}
