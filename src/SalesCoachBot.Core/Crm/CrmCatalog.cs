namespace SalesCoachBot.Crm;

/// <summary>The CRM's owners and pipeline stages, read at most every ten minutes (they rarely change).</summary>
public sealed class CrmCatalog(ICrmClient crm, TimeProvider time)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim reading = new(1, 1);
    private (IReadOnlyList<CrmOwner> Owners, IReadOnlyList<CrmStage> Stages, DateTimeOffset At)? known;

    public async Task<(IReadOnlyList<CrmOwner> Owners, IReadOnlyList<CrmStage> Stages)> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (refresh || known is not { } current || time.GetUtcNow() - current.At > Fresh)
                known = current = (await crm.OwnersAsync(cancellationToken), await crm.StagesAsync(cancellationToken), time.GetUtcNow());
            return (current.Owners, current.Stages);
        }
        finally
        {
            reading.Release();
        }
    }
}
