namespace SalesCoachBot.Hosting;

/// <summary>The <c>Storage</c> section: which database engine holds deals, bot state and schedules.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "SalesCoach";

    /// <summary><c>Sqlite</c> (default, a local file).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>From <c>ConnectionStrings:SalesCoach</c>.</summary>
    public string? ConnectionString { get; set; }
}
