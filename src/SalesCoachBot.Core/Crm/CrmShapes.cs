using SalesCoachBot.Interactions;

namespace SalesCoachBot.Crm;

/// <summary>A user of the CRM who can own deals; matched to a rep by e-mail.</summary>
public sealed record CrmOwner(string Id, string? Email, string? Name);

/// <summary>A stage of the CRM's pipeline; <see cref="IsClosed"/> and <see cref="IsWon"/> when the CRM says.</summary>
public sealed record CrmStage(string Id, string Label, int Order, bool IsClosed = false, bool IsWon = false);

/// <summary>A deal as the CRM holds it.</summary>
public sealed record CrmDeal(string CrmId, string? SalesCoachId, CrmDealValues Values, DateTimeOffset? CreatedAt, DateTimeOffset? ModifiedAt);

/// <summary>A call, e-mail, meeting or note to record on a deal.</summary>
public sealed record CrmActivity(InteractionKind Kind, string Summary, DateTimeOffset At, string? OwnerId);

/// <summary>What the last answer said of the CRM's rate limit.</summary>
public sealed record CrmRateLimit(long? Remaining, long? Max, string Window, DateTimeOffset At);

/// <summary>A deal's fields the bot and the CRM share.</summary>
public enum CrmField
{
    Name,
    Amount,
    CloseDate,
    Stage,
    Owner,
    CloseReason,
    NextStep,
}
