using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Crm.Salesforce;

/// <summary>
/// Opportunities, users, opportunity stages and activities through Salesforce's REST API: SOQL queries paged by
/// <c>nextRecordsUrl</c>, upsert by the external-id field <see cref="ExternalId"/> (a create retried after a lost answer
/// finds the first), Task and Event on the Opportunity. The close reason goes to the Opportunity's Description.
/// </summary>
public sealed partial class SalesforceClient(SalesforceApi api, TimeProvider time) : ICrmClient
{
    public const string ExternalId = "SalesCoach_Id__c";
    private const string Fields = "Id, Name, Amount, CloseDate, StageName, OwnerId, NextStep, Description, " + ExternalId + ", CreatedDate, SystemModstamp";

    public string Name => "Salesforce";
    public CrmRateLimit? RateLimit => api.RateLimit;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var describe = await api.GetAsync("/sobjects/Opportunity/describe", cancellationToken);
        if (!(describe?["fields"]?.AsArray() ?? []).Any(f => f?["name"]?.GetValue<string>() == ExternalId && f["externalId"]?.GetValue<bool>() == true))
            throw new CrmException(CrmFailure.Refused, $"Salesforce's Opportunity has no external-id field {ExternalId}: create it (Text, External ID, Unique) as docs/crm.md says");
    }

    public async Task<IReadOnlyList<CrmOwner>> OwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new List<CrmOwner>();
        await foreach (var user in QueryAsync("SELECT Id, Email, Name FROM User WHERE IsActive = true", cancellationToken))
            owners.Add(new(Text(user, "Id")!, Text(user, "Email"), Text(user, "Name")));
        return owners;
    }

    public async Task<IReadOnlyList<CrmStage>> StagesAsync(CancellationToken cancellationToken)
    {
        var stages = new List<CrmStage>();
        await foreach (var stage in QueryAsync("SELECT ApiName, MasterLabel, SortOrder, IsClosed, IsWon FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder", cancellationToken))
            stages.Add(new(Text(stage, "ApiName")!, Text(stage, "MasterLabel")!, (int)(stage?["SortOrder"]?.GetValue<double>() ?? 0),
                stage?["IsClosed"]?.GetValue<bool>() == true, stage?["IsWon"]?.GetValue<bool>() == true));
        return stages;
    }

    public IAsyncEnumerable<CrmDeal> DealsAsync(DateOnly closedSince, CancellationToken cancellationToken) =>
        DealsWhereAsync($"IsClosed = false OR CloseDate >= {closedSince:yyyy-MM-dd}", "CreatedDate", cancellationToken);

    public IAsyncEnumerable<CrmDeal> ChangedDealsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        DealsWhereAsync($"SystemModstamp >= {since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", "SystemModstamp", cancellationToken);

    public async IAsyncEnumerable<string> DeletedDealsAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Salesforce lists deletions of no more than 15 days before the day of the call (older ones a full pull finds
        // missing) and wants a window of at least a minute.
        var now = time.GetUtcNow();
        var start = since < now.AddDays(-14) ? now.AddDays(-14) : since;
        var end = now - start < TimeSpan.FromMinutes(1) ? start.AddMinutes(1) : now;
        var answer = await api.GetAsync($"/sobjects/Opportunity/deleted/?start={Uri.EscapeDataString(Iso(start))}&end={Uri.EscapeDataString(Iso(end))}", cancellationToken);
        foreach (var deleted in answer?["deletedRecords"]?.AsArray() ?? [])
        {
            if (Text(deleted, "id") is { } id)
                yield return id;
        }
    }

    /// <summary>As getDeleted documents it: YYYY-MM-DDThh:mm:ss+hh:mm, in UTC.</summary>
    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public async Task<CrmDeal?> GetDealAsync(string crmId, CancellationToken cancellationToken)
    {
        try
        {
            return Deal(await api.GetAsync($"/sobjects/Opportunity/{Uri.EscapeDataString(crmId)}?fields={Uri.EscapeDataString(Fields.Replace(" ", "", StringComparison.Ordinal))}", cancellationToken));
        }
        catch (CrmException e) when (e.Failure == CrmFailure.NotFound)
        {
            return null;
        }
    }

    public async Task<string> UpsertDealAsync(string salesCoachId, CrmDealValues values, CancellationToken cancellationToken)
    {
        var body = Properties(values, CrmDealValues.All);
        body["CloseDate"] ??= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // Salesforce requires one
        var path = $"/sobjects/Opportunity/{ExternalId}/{Uri.EscapeDataString(salesCoachId)}";
        var answer = await api.PatchAsync(path, body, cancellationToken);
        // 201 names the new record; an update answers 200 with it, or (older versions) 204 with nothing.
        return answer?["id"]?.GetValue<string>() ?? Text(await api.GetAsync(path + "?fields=Id", cancellationToken), "Id")
            ?? throw new CrmException(CrmFailure.Unavailable, "Salesforce's upsert answer named no Opportunity");
    }

    public Task UpdateDealAsync(string crmId, CrmDealValues values, IReadOnlySet<CrmField> fields, CancellationToken cancellationToken) =>
        api.PatchAsync($"/sobjects/Opportunity/{Uri.EscapeDataString(crmId)}", Properties(values, fields), cancellationToken);

    public async Task<string> LogActivityAsync(string crmDealId, CrmActivity activity, CancellationToken cancellationToken)
    {
        var subject = activity.Summary.Length <= 80 ? activity.Summary : activity.Summary[..77] + "…";
        var at = activity.At.UtcDateTime;
        var (type, body) = activity.Kind is InteractionKind.Meeting or InteractionKind.Demo
            ? ("Event", new JsonObject
            {
                ["Subject"] = activity.Kind == InteractionKind.Demo ? $"Demo: {subject}" : subject,
                ["StartDateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["DurationInMinutes"] = 30,
            })
            : ("Task", new JsonObject
            {
                ["Subject"] = subject,
                ["ActivityDate"] = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Status"] = "Completed",
                ["TaskSubtype"] = activity.Kind switch { InteractionKind.Call => "Call", InteractionKind.Email => "Email", _ => "Task" },
            });
        body["WhatId"] = crmDealId;
        body["Description"] = activity.Summary;
        if (activity.OwnerId is not null)
            body["OwnerId"] = activity.OwnerId;
        return Text(await api.PostAsync($"/sobjects/{type}", body, cancellationToken), "id") ?? "";
    }

    private async IAsyncEnumerable<CrmDeal> DealsWhereAsync(string where, string order, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in QueryAsync($"SELECT {Fields} FROM Opportunity WHERE {where} ORDER BY {order}", cancellationToken))
            yield return Deal(record);
    }

    private async IAsyncEnumerable<JsonNode?> QueryAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = $"/query?q={Uri.EscapeDataString(soql)}";
        while (next is not null)
        {
            var page = await api.GetAsync(next, cancellationToken);
            foreach (var record in page?["records"]?.AsArray() ?? [])
                yield return record;
            next = page?["done"]?.GetValue<bool>() == false ? Text(page, "nextRecordsUrl") : null;
        }
    }

    private static JsonObject Properties(CrmDealValues values, IReadOnlySet<CrmField> fields)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            switch (field)
            {
                case CrmField.Name:
                    body["Name"] = values.Name;
                    break;
                case CrmField.Amount:
                    body["Amount"] = values.Amount;
                    break;
                case CrmField.CloseDate when values.CloseDate is { } date:
                    body["CloseDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case CrmField.Stage:
                    body["StageName"] = values.StageId;
                    break;
                case CrmField.Owner when values.OwnerId is not null:
                    body["OwnerId"] = values.OwnerId;
                    break;
                case CrmField.CloseReason when values.CloseReason is not null:
                    body["Description"] = values.CloseReason;
                    break;
                case CrmField.NextStep:
                    body["NextStep"] = values.NextStep is { Length: > 255 } long_ ? long_[..255] : values.NextStep;
                    break;
            }
        }
        return body;
    }

    private static CrmDeal Deal(JsonNode? record) => new(Text(record, "Id")!, Text(record, ExternalId),
        new CrmDealValues(Text(record, "Name"), record?["Amount"] is JsonValue amount ? amount.GetValue<decimal>() : null, null,
            DateOnly.TryParse(Text(record, "CloseDate"), CultureInfo.InvariantCulture, out var close) ? close : null,
            Text(record, "StageName"), Text(record, "OwnerId"), Text(record, "Description"), Text(record, "NextStep")),
        Date(Text(record, "CreatedDate")), Date(Text(record, "SystemModstamp")));

    /// <summary>Salesforce writes 2026-03-02T09:00:00.000+0000.</summary>
    private static DateTimeOffset? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(Offset().Replace(text, "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value
        ? value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
        : null;

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex Offset();
}
