namespace SalesCoachBot.Crm;

/// <summary>Why a CRM call failed, as the bot acts on it.</summary>
public enum CrmFailure
{
    /// <summary>The token or login was refused: nothing works until an admin fixes it.</summary>
    Unauthorized,

    /// <summary>Too many calls: wait <see cref="CrmException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The record is gone (deleted in the CRM).</summary>
    NotFound,

    /// <summary>The CRM read the request and said no (a validation rule, a missing permission): retrying will not help.</summary>
    Refused,

    /// <summary>The CRM did not answer, or answered 5xx: try again later.</summary>
    Unavailable,
}

public sealed class CrmException(CrmFailure failure, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public CrmFailure Failure { get; } = failure;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
