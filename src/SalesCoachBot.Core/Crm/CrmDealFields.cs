using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Crm;

/// <summary>A deal's shared fields both ways: as the CRM should have them, and the CRM's brought here.</summary>
public sealed class CrmDealFields(CrmStageMap stages, CrmSettings settings)
{
    public async Task<CrmDealValues> OfAsync(SalesCoachDbContext db, Deal deal, IReadOnlyList<CrmOwner> owners, IReadOnlyList<CrmStage> pipeline, CancellationToken cancellationToken)
    {
        var email = await db.Reps.Where(r => r.Id == deal.OwnerId).Select(r => r.Email).FirstOrDefaultAsync(cancellationToken);
        var owner = owners.FirstOrDefault(o => o.Email is not null && email is not null && EmailAddress.Normalize(o.Email) == email);
        var step = (await NextSteps.OfDealsAsync(db, [deal.Id], cancellationToken)).GetValueOrDefault(deal.Id);
        var nextStep = step is null ? null : step.DueOn is { } due ? $"{step.Note} (by {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : step.Note;
        return new(deal.Name, deal.Amount, deal.Currency, deal.ExpectedCloseDate, stages.ToCrm(deal.Stage, pipeline), owner?.Id, deal.CloseReason, nextStep);
    }

    /// <summary>The rep owning a CRM owner's deals: found by e-mail, or added as they are known there. Null for an owner without e-mail.</summary>
    public static async Task<Rep?> RepOfAsync(SalesCoachDbContext db, string? ownerId, IReadOnlyList<CrmOwner> owners, DateTimeOffset now, CancellationToken cancellationToken) =>
        owners.FirstOrDefault(o => o.Id == ownerId) is { Email: { Length: > 0 } email } owner
            ? await db.FindOrAddRepAsync(email, now, cancellationToken, owner.Name)
            : null;

    /// <summary>A deal here for one first read from the CRM; null when its owner is no one the bot can know.</summary>
    public async Task<Deal?> CreateAsync(SalesCoachDbContext db, CrmDeal remote, IReadOnlyList<CrmOwner> owners, IReadOnlyList<CrmStage> pipeline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await RepOfAsync(db, remote.Values.OwnerId, owners, now, cancellationToken) is not { } rep)
            return null;
        var created = remote.CreatedAt ?? now;
        var deal = Deal.Open(remote.Values.Name ?? $"Deal {remote.CrmId}", null, rep, created);
        db.Deals.Add(deal);
        await ApplyAsync(db, deal, remote.Values, CrmDealValues.All.Where(f => f != CrmField.Owner), owners, pipeline, created, cancellationToken);
        return deal;
    }

    /// <summary>Brings <paramref name="fields"/> of the CRM's values to the deal; a stage moves it, with its history.</summary>
    public async Task ApplyAsync(SalesCoachDbContext db, Deal deal, CrmDealValues remote, IEnumerable<CrmField> fields, IReadOnlyList<CrmOwner> owners,
        IReadOnlyList<CrmStage> pipeline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case CrmField.Name when !string.IsNullOrWhiteSpace(remote.Name):
                    if (deal.Account == deal.Name)
                        deal.Account = remote.Name;
                    deal.Name = remote.Name;
                    break;
                case CrmField.Amount:
                    (deal.Amount, deal.Currency) = (remote.Amount, remote.Amount is null ? deal.Currency : remote.Currency ?? deal.Currency ?? settings.DefaultCurrency);
                    break;
                case CrmField.CloseDate:
                    deal.ExpectedCloseDate = remote.CloseDate;
                    break;
                case CrmField.Stage when stages.FromCrm(remote.StageId, pipeline) is var stage && stage != deal.Stage:
                    deal.MoveTo(stage, now);
                    if (stage.IsClosed() && remote.CloseDate is { } closed)
                        deal.ClosedAt = new DateTimeOffset(closed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    break;
                case CrmField.Owner when await RepOfAsync(db, remote.OwnerId, owners, now, cancellationToken) is { } rep:
                    deal.Owner = rep;
                    break;
                case CrmField.CloseReason when deal.Stage.IsClosed():
                    deal.CloseReason = remote.CloseReason;
                    break;
            }
        }
    }
}
