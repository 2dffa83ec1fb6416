using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Metrics;

/// <summary>A deal's stay in one open stage: when it entered, and (once it moved on) when it left and for where.</summary>
public sealed record StageVisit(long DealId, DealStage Stage, DateTimeOffset EnteredAt, DealStage? Next, DateTimeOffset? LeftAt)
{
    public double? Days => LeftAt is { } left ? (left - EnteredAt).TotalDays : null;
}

public static class StageVisits
{
    /// <summary>Every open-stage visit in the stage history of the owners' deals (all deals for null), streamed in deal order.</summary>
    public static async IAsyncEnumerable<StageVisit> ReadAsync(SalesCoachDbContext db, IReadOnlyCollection<long>? owners, bool wonDealsOnly,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = from c in db.StageChanges.AsNoTracking()
                      join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
                      where (!wonDealsOnly || d.Stage == DealStage.Won) && (owners == null || owners.Contains(d.OwnerId))
                      orderby c.DealId, c.Id
                      select new { c.DealId, c.To, c.At };
        (long DealId, DealStage Stage, DateTimeOffset At)? current = null;
        await foreach (var change in changes.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (current is { } previous && !previous.Stage.IsClosed())
                yield return previous.DealId == change.DealId
                    ? new StageVisit(previous.DealId, previous.Stage, previous.At, change.To, change.At)
                    : new StageVisit(previous.DealId, previous.Stage, previous.At, null, null);
            current = (change.DealId, change.To, change.At);
        }
        if (current is { } last && !last.Stage.IsClosed())
            yield return new StageVisit(last.DealId, last.Stage, last.At, null, null);
    }
}
