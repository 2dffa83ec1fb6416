using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>
/// Deals, owners, the pipeline and activities through HubSpot's CRM v3 API. Property values are strings both ways;
/// ids are strings (they exceed 2^31). A deal created here carries <see cref="SalesCoachId"/>, a unique property, and
/// is created by batch upsert on it: a create retried after a lost answer finds the first one.
/// </summary>
public sealed class HubSpotClient(HubSpotApi api, IOptions<CrmOptions> options) : ICrmClient
{
    public const string SalesCoachId = "salescoach_id";
    private const int ListPage = 100, SearchPage = 200, SearchLimit = 10_000;

    private static readonly string[] DealProperties =
        ["dealname", "amount", "deal_currency_code", "closedate", "dealstage", "pipeline", "hubspot_owner_id", "closed_lost_reason", "closed_won_reason",
         "hs_next_step", SalesCoachId, "createdate", "hs_lastmodifieddate"];

    private IReadOnlyList<CrmStage>? stages;

    public string Name => "HubSpot";
    public CrmRateLimit? RateLimit => api.RateLimit;
    private string PipelineId => options.Value.HubSpot.PipelineId;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await api.GetAsync($"/crm/v3/properties/deals/{SalesCoachId}", cancellationToken);
        }
        catch (CrmException e) when (e.Failure == CrmFailure.NotFound)
        {
            await api.PostAsync("/crm/v3/properties/deals", new JsonObject
            {
                ["name"] = SalesCoachId,
                ["label"] = "SalesCoachBot id",
                ["description"] = "The deal's id in SalesCoachBot; makes a deal created by chat exist once.",
                ["groupName"] = "dealinformation",
                ["type"] = "string",
                ["fieldType"] = "text",
                ["hasUniqueValue"] = true,
            }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<CrmOwner>> OwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new List<CrmOwner>();
        await foreach (var owner in PagesAsync("/crm/v3/owners?limit=100", cancellationToken))
        {
            var name = $"{Text(owner, "firstName")} {Text(owner, "lastName")}".Trim();
            owners.Add(new(Text(owner, "id")!, Text(owner, "email"), name.Length > 0 ? name : null));
        }
        return owners;
    }

    public async Task<IReadOnlyList<CrmStage>> StagesAsync(CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync("/crm/v3/pipelines/deals", cancellationToken);
        var pipeline = answer["results"]?.AsArray().FirstOrDefault(p => Text(p, "id") == PipelineId)
                       ?? throw new CrmException(CrmFailure.Refused, $"HubSpot has no deal pipeline '{PipelineId}' (Crm:HubSpot:PipelineId)");
        return stages = [.. (pipeline["stages"]?.AsArray() ?? []).Select(stage => new CrmStage(
            Text(stage, "id")!, Text(stage, "label") ?? Text(stage, "id")!, (int)(stage?["displayOrder"]?.GetValue<double>() ?? 0),
            Text(stage?["metadata"], "isClosed") == "true",
            double.TryParse(Text(stage?["metadata"], "probability"), CultureInfo.InvariantCulture, out var p) && p >= 1))];
    }

    public async IAsyncEnumerable<CrmDeal> DealsAsync(DateOnly closedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var closed = (stages ?? await StagesAsync(cancellationToken)).Where(s => s.IsClosed).Select(s => s.Id).ToHashSet();
        await foreach (var item in PagesAsync($"/crm/v3/objects/deals?limit={ListPage}&archived=false&properties={string.Join(',', DealProperties)}", cancellationToken))
        {
            var deal = Deal(item);
            if (Text(item?["properties"], "pipeline") is { } pipeline && pipeline != PipelineId)
                continue;
            if (!closed.Contains(deal.Values.StageId ?? "") || deal.Values.CloseDate is not { } date || date >= closedSince)
                yield return deal;
        }
    }

    public async IAsyncEnumerable<CrmDeal> ChangedDealsAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Search stops at 10,000 results a query: past that, a new query from the last change seen.
        var from = since;
        while (true)
        {
            string? after = null;
            var read = 0;
            DateTimeOffset? last = null;
            do
            {
                var body = new JsonObject
                {
                    ["filterGroups"] = new JsonArray(new JsonObject
                    {
                        ["filters"] = new JsonArray(
                            new JsonObject { ["propertyName"] = "hs_lastmodifieddate", ["operator"] = "GTE", ["value"] = from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                            new JsonObject { ["propertyName"] = "pipeline", ["operator"] = "EQ", ["value"] = PipelineId }),
                    }),
                    ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = "hs_lastmodifieddate", ["direction"] = "ASCENDING" }),
                    ["properties"] = new JsonArray([.. DealProperties.Select(p => (JsonNode)p)]),
                    ["limit"] = SearchPage,
                };
                if (after is not null)
                    body["after"] = after;
                var page = await api.SearchAsync("/crm/v3/objects/deals/search", body, cancellationToken);
                foreach (var item in page["results"]?.AsArray() ?? [])
                {
                    var deal = Deal(item);
                    (read, last) = (read + 1, deal.ModifiedAt ?? last);
                    yield return deal;
                }
                after = Text(page["paging"]?["next"], "after");
            }
            while (after is not null && read < SearchLimit);
            if (after is null || last is not { } next || next <= from)
                yield break;
            from = next;
        }
    }

    public async IAsyncEnumerable<string> DeletedDealsAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in PagesAsync($"/crm/v3/objects/deals?limit={ListPage}&archived=true&properties=pipeline", cancellationToken))
        {
            if (Date(Text(item, "archivedAt")) is { } archivedAt && archivedAt >= since && Text(item, "id") is { } id)
                yield return id;
        }
    }

    public async Task<CrmDeal?> GetDealAsync(string crmId, CancellationToken cancellationToken)
    {
        try
        {
            return Deal(await api.GetAsync($"/crm/v3/objects/deals/{Uri.EscapeDataString(crmId)}?properties={string.Join(',', DealProperties)}", cancellationToken));
        }
        catch (CrmException e) when (e.Failure == CrmFailure.NotFound)
        {
            return null;
        }
    }

    public async Task<string> UpsertDealAsync(string salesCoachId, CrmDealValues values, CancellationToken cancellationToken)
    {
        var properties = Properties(values, CrmDealValues.All);
        properties["pipeline"] = PipelineId;
        var answer = await api.PostAsync("/crm/v3/objects/deals/batch/upsert", new JsonObject
        {
            ["inputs"] = new JsonArray(new JsonObject { ["idProperty"] = SalesCoachId, ["id"] = salesCoachId, ["properties"] = properties }),
        }, cancellationToken);
        return Text(answer["results"]?.AsArray().FirstOrDefault(), "id") ?? throw new CrmException(CrmFailure.Unavailable, "HubSpot's upsert answer named no deal");
    }

    public Task UpdateDealAsync(string crmId, CrmDealValues values, IReadOnlySet<CrmField> fields, CancellationToken cancellationToken) =>
        api.PatchAsync($"/crm/v3/objects/deals/{Uri.EscapeDataString(crmId)}", new JsonObject { ["properties"] = Properties(values, fields) }, cancellationToken);

    public async Task<string> LogActivityAsync(string crmDealId, CrmActivity activity, CancellationToken cancellationToken)
    {
        var (objectType, associationType, properties) = HubSpotActivities.Of(activity);
        var answer = await api.PostAsync($"/crm/v3/objects/{objectType}", new JsonObject
        {
            ["properties"] = properties,
            ["associations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonObject { ["id"] = crmDealId },
                ["types"] = new JsonArray(new JsonObject { ["associationCategory"] = "HUBSPOT_DEFINED", ["associationTypeId"] = associationType }),
            }),
        }, cancellationToken);
        return Text(answer, "id") ?? "";
    }

    private JsonObject Properties(CrmDealValues values, IReadOnlySet<CrmField> fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            switch (field)
            {
                case CrmField.Name:
                    properties["dealname"] = values.Name ?? "";
                    break;
                case CrmField.Amount:
                    properties["amount"] = values.Text(CrmField.Amount) ?? "";
                    if (values.Currency is not null)
                        properties["deal_currency_code"] = values.Currency;
                    break;
                case CrmField.CloseDate:
                    properties["closedate"] = values.CloseDate is { } date ? $"{date:yyyy-MM-dd}T00:00:00.000Z" : "";
                    break;
                case CrmField.Stage:
                    properties["dealstage"] = values.StageId;
                    break;
                case CrmField.Owner when values.OwnerId is not null:
                    properties["hubspot_owner_id"] = values.OwnerId;
                    break;
                case CrmField.CloseReason when values.CloseReason is not null:
                    properties[IsWon(values.StageId) ? "closed_won_reason" : "closed_lost_reason"] = values.CloseReason;
                    break;
                case CrmField.NextStep:
                    properties["hs_next_step"] = values.NextStep ?? "";
                    break;
            }
        }
        return properties;
    }

    private bool IsWon(string? stageId) => stages?.FirstOrDefault(s => s.Id == stageId)?.IsWon ?? stageId == "closedwon";

    private CrmDeal Deal(JsonNode? item)
    {
        var p = item?["properties"];
        var stage = Text(p, "dealstage");
        var reason = IsWon(stage) ? Text(p, "closed_won_reason") : Text(p, "closed_lost_reason");
        return new CrmDeal(Text(item, "id")!, Text(p, SalesCoachId),
            new CrmDealValues(Text(p, "dealname"),
                decimal.TryParse(Text(p, "amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
                Text(p, "deal_currency_code"), Date(Text(p, "closedate")) is { } close ? DateOnly.FromDateTime(close.UtcDateTime) : null,
                stage, Text(p, "hubspot_owner_id"), reason, Text(p, "hs_next_step")),
            Date(Text(p, "createdate")) ?? Date(Text(item, "createdAt")), Date(Text(p, "hs_lastmodifieddate")) ?? Date(Text(item, "updatedAt")));
    }

    private async IAsyncEnumerable<JsonNode?> PagesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await api.GetAsync(after is null ? path : $"{path}&after={Uri.EscapeDataString(after)}", cancellationToken);
            foreach (var item in page["results"]?.AsArray() ?? [])
                yield return item;
            after = Text(page["paging"]?["next"], "after");
        }
        while (after is not null);
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date
        : long.TryParse(text, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string? Text(JsonNode? node, string name) => node?[name] is { } value
        ? value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
        : null;
}
