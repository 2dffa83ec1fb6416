namespace SalesCoachBot.Crm;

/// <summary>The CRM the bot works with (its <see cref="ICrmClient.Name"/>) and the currency of an amount it gives none for.</summary>
public sealed record CrmSettings(string Provider, string DefaultCurrency);
