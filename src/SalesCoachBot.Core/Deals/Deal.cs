using System.Linq.Expressions;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Deals;

public sealed class Deal
{
    private string name = "";
    private string account = "";

    public long Id { get; set; }

    /// <summary>Kept in <see cref="NameText"/>'s one form, however it arrives (chat, import, rename, undo).</summary>
    public required string Name { get => name; set => name = NameText.Clean(value); }

    /// <summary>The deal's id in the CRM it was imported from, so a second import updates instead of duplicating.</summary>
    public string? ExternalId { get; set; }
    public required string Account { get => account; set => account = NameText.Clean(value); }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DealStage Stage { get; set; }
    public long OwnerId { get; set; }
    public Rep? Owner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateOnly? ExpectedCloseDate { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why the deal was won or lost, in the rep's words or one of the standard lost reasons.</summary>
    public string? CloseReason { get; set; }
    public List<StageChange> StageHistory { get; set; } = [];
    public DateTimeOffset? LastNudgedAt { get; set; }
    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>When the rep deleted the deal; hidden everywhere from then, restorable by undo, purged after a week.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>
    /// The one rule for an open deal (neither won nor lost) in a query, so every list, nudge, reminder and metric counts
    /// the same deals; <see cref="DealStageExtensions.IsClosed"/> is that rule for a stage in memory.
    /// </summary>
    public static Expression<Func<Deal, bool>> IsOpen { get; } = d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost;

    public static Expression<Func<Deal, bool>> IsClosed { get; } = Expression.Lambda<Func<Deal, bool>>(Expression.Not(IsOpen.Body), IsOpen.Parameters);

    public Money? Value => Amount is { } amount and >= 0 && Currency is { } currency ? new Money(amount, currency) : null;

    /// <summary>Won or Lost once closed; null while the deal is open.</summary>
    public DealStage? Outcome => Stage.IsClosed() ? Stage : null;

    public static Deal Open(string name, Money? value, Rep owner, DateTimeOffset now)
    {
        var deal = new Deal
        {
            Name = name,
            Account = name,
            Amount = value?.Amount,
            Currency = value?.Currency,
            Stage = DealStage.Prospecting,
            OwnerId = owner.Id,
            Owner = owner,
            CreatedAt = now,
            LastActivityAt = now,
        };
        deal.StageHistory.Add(new StageChange { From = null, To = DealStage.Prospecting, At = now });
        return deal;
    }

    /// <summary>Moves the deal, closing it on Won/Lost and reopening it when a closed deal goes back to a stage.</summary>
    public StageChange MoveTo(DealStage stage, DateTimeOffset now)
    {
        var change = new StageChange { DealId = Id, From = Stage, To = stage, At = now };
        StageHistory.Add(change);
        Stage = stage;
        LastActivityAt = now;
        ClosedAt = stage.IsClosed() ? now : null;
        CloseReason = null;
        return change;
    }

    public int DaysSinceLastActivity(DateTimeOffset now) => Math.Max(0, (int)(now - LastActivityAt).TotalDays);
}
