using System.Globalization;
using System.Text.Json;

namespace SalesCoachBot.Crm;

/// <summary>
/// The shared fields of a deal in the CRM's terms (its stage id, its owner id). Kept per deal as last pulled,
/// so a pull or a push can tell which fields the CRM changed since.
/// </summary>
public sealed record CrmDealValues(string? Name, decimal? Amount, string? Currency, DateOnly? CloseDate, string? StageId, string? OwnerId, string? CloseReason, string? NextStep)
{
    public static readonly IReadOnlySet<CrmField> All = Enum.GetValues<CrmField>().ToHashSet();

    /// <summary>The field as text, for comparing and for telling a rep what the CRM has.</summary>
    public string? Text(CrmField field) => field switch
    {
        CrmField.Name => Name,
        CrmField.Amount => Amount?.ToString("0.##", CultureInfo.InvariantCulture),
        CrmField.CloseDate => CloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CrmField.Stage => StageId,
        CrmField.Owner => OwnerId,
        CrmField.CloseReason => CloseReason,
        CrmField.NextStep => NextStep,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public bool Same(CrmDealValues other, CrmField field) => string.Equals(Text(field) ?? "", other.Text(field) ?? "", StringComparison.Ordinal);

    /// <summary>These values with <paramref name="fields"/> taken from <paramref name="other"/>.</summary>
    public CrmDealValues With(CrmDealValues other, IEnumerable<CrmField> fields) => fields.Aggregate(this, (v, f) => f switch
    {
        CrmField.Name => v with { Name = other.Name },
        CrmField.Amount => v with { Amount = other.Amount, Currency = other.Currency ?? v.Currency },
        CrmField.CloseDate => v with { CloseDate = other.CloseDate },
        CrmField.Stage => v with { StageId = other.StageId },
        CrmField.Owner => v with { OwnerId = other.OwnerId },
        CrmField.CloseReason => v with { CloseReason = other.CloseReason },
        CrmField.NextStep => v with { NextStep = other.NextStep },
        _ => v,
    });

    public string ToJson() => JsonSerializer.Serialize(this);

    public static CrmDealValues FromJson(string? json) =>
        json is null ? new(null, null, null, null, null, null, null, null) : JsonSerializer.Deserialize<CrmDealValues>(json)!;

    public static string FieldsText(IEnumerable<CrmField> fields) => string.Join(',', fields.Distinct().Order());

    public static IReadOnlySet<CrmField> ParseFields(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CrmField>).ToHashSet();
}
