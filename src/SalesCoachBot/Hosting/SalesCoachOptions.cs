namespace SalesCoachBot.Hosting;

/// <summary>The <c>SalesCoach</c> section: how the bot reads what reps type.</summary>
public sealed class SalesCoachOptions
{
    public const string Section = "SalesCoach";

    /// <summary>ISO 4217 currency for amounts typed without one ("new deal Acme 45000"). Default USD.</summary>
    public string DefaultCurrency { get; set; } = "USD";
}
