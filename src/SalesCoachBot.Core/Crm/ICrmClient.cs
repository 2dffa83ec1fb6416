namespace SalesCoachBot.Crm;

/// <summary>
/// One CRM's REST API, in the few shapes the bot reads and writes. Failures are <see cref="CrmException"/>
/// with a <see cref="CrmFailure"/>; every other answer is what the CRM holds.
/// </summary>
public interface ICrmClient
{
    /// <summary>The CRM's name as reps and admins know it ("HubSpot").</summary>
    string Name { get; }

    /// <summary>What the last answer said of the rate limit, if the CRM says.</summary>
    CrmRateLimit? RateLimit { get; }

    /// <summary>Prepares what writing needs (the unique property or external-id field that makes a create exactly once).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<CrmOwner>> OwnersAsync(CancellationToken cancellationToken);

    /// <summary>The stages of the deal pipeline the bot works in.</summary>
    Task<IReadOnlyList<CrmStage>> StagesAsync(CancellationToken cancellationToken);

    /// <summary>Every deal still open, and those closed on or after <paramref name="closedSince"/>.</summary>
    IAsyncEnumerable<CrmDeal> DealsAsync(DateOnly closedSince, CancellationToken cancellationToken);

    /// <summary>Deals changed at or after <paramref name="since"/>, oldest change first.</summary>
    IAsyncEnumerable<CrmDeal> ChangedDealsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The CRM ids of deals deleted at or after <paramref name="since"/>.</summary>
    IAsyncEnumerable<string> DeletedDealsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The deal as the CRM has it now, or null when it was deleted there.</summary>
    Task<CrmDeal?> GetDealAsync(string crmId, CancellationToken cancellationToken);

    /// <summary>Creates the deal known here as <paramref name="salesCoachId"/>, or updates it if a lost answer hid an earlier create; returns its CRM id.</summary>
    Task<string> UpsertDealAsync(string salesCoachId, CrmDealValues values, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="fields"/> of <paramref name="values"/> to the deal; <see cref="CrmFailure.NotFound"/> if it was deleted there.</summary>
    Task UpdateDealAsync(string crmId, CrmDealValues values, IReadOnlySet<CrmField> fields, CancellationToken cancellationToken);

    /// <summary>Records a call, e-mail, meeting or note as the CRM's own activity on the deal; returns its CRM id.</summary>
    Task<string> LogActivityAsync(string crmDealId, CrmActivity activity, CancellationToken cancellationToken);
}
