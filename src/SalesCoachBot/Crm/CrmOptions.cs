namespace SalesCoachBot.Crm;

/// <summary>The <c>Crm</c> section: which CRM is the record, how to reach it, how its stages read.</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";
    public const string None = "None", HubSpotName = "HubSpot", SalesforceName = "Salesforce";

    /// <summary><c>None</c> (deals live here only), <c>HubSpot</c> or <c>Salesforce</c>.</summary>
    public string Provider { get; set; } = None;

    /// <summary>Minutes between two incremental pulls (changes since the last one).</summary>
    public int SyncMinutes { get; set; } = 5;

    public HubSpotOptions HubSpot { get; set; } = new();
    public SalesforceOptions Salesforce { get; set; } = new();

    /// <summary>CRM stage id → stage (Prospecting, InitialContact, Discovery, Proposal, Negotiation, Closing, FollowUp, Won, Lost), before the defaults.</summary>
    public Dictionary<string, string> Stages { get; set; } = [];

    public bool Enabled => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase);
    public bool IsHubSpot => string.Equals(Provider, HubSpotName, StringComparison.OrdinalIgnoreCase);
    public bool IsSalesforce => string.Equals(Provider, SalesforceName, StringComparison.OrdinalIgnoreCase);
}

public sealed class HubSpotOptions
{
    /// <summary>The private app's access token (secret: environment or user secrets only).</summary>
    public string AccessToken { get; set; } = "";
    public string BaseUrl { get; set; } = "https://api.hubapi.com";

    /// <summary>The app's client secret, which signs webhook requests (secret).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The webhook's target URL as set in HubSpot (https://…/api/crm/hubspot/webhook), which its signature covers. Needed
    /// behind a proxy that ends TLS or changes the host; empty: the URL of the request as the bot receives it.
    /// </summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The deal pipeline the bot works in.</summary>
    public string PipelineId { get; set; } = "default";
}

public sealed class SalesforceOptions
{
    /// <summary>The org's My Domain URL, e.g. https://acme.my.salesforce.com.</summary>
    public string InstanceUrl { get; set; } = "";

    /// <summary>The connected app's consumer key (client credentials flow).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The connected app's consumer secret (secret).</summary>
    public string ClientSecret { get; set; } = "";
    public string ApiVersion { get; set; } = "v62.0";
}
